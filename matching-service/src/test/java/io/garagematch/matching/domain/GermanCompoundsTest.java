package io.garagematch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GermanCompoundsTest {

  private final GermanCompounds compounds =
      new GermanCompounds(Dictionaries.shipped(), Set.of("batterie"));

  @Test
  void aCompoundTheDictionaryLacksSplitsIntoItsWordsAndTheirParts() {
    assertThat(surfaces("reifenabriebpartikel")).contains("reifen", "abrieb", "partikel");
    assertThat(surfaces("kühlschmierstoffaufbereitung"))
        .contains("kühl", "schmier", "stoff", "aufbereitung");
  }

  @Test
  void aStemStandsForItsWordAndTheLongestKnownPartsWin() {
    assertThat(compounds.split("klebnähte"))
        .extracting(GermanCompounds.Part::surface)
        .containsExactly("kleb", "nähte");
    assertThat(compounds.split("klebnähte").get(0).word())
        .as("a word kleb is a form of")
        .startsWith("kleb")
        .isNotEqualTo("kleb");
    assertThat(surfaces("hohlraumkonservierung"))
        .containsExactly("hohlraum", "hohl", "raum", "konservierung");
    assertThat(surfaces("zustandsüberwachung")).containsExactly("zustands", "überwachung");
  }

  @Test
  void wordsMadeWithSuffixesOrFunctionWordsAndShortWordsStayWhole() {
    assertThat(compounds.split("wissenschaft")).isEmpty();
    assertThat(compounds.split("ergebnisse")).isEmpty();
    assertThat(compounds.split("unternehmen")).isEmpty();
    assertThat(compounds.split("batterie")).isEmpty();
    assertThat(compounds.split("x".repeat(200))).isEmpty();
  }

  @Test
  void partsKnowWhereTheyStand() {
    assertThat(compounds.split("hagelschäden"))
        .extracting(GermanCompounds.Part::surface, GermanCompounds.Part::offset)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("hagel", 0),
            org.assertj.core.groups.Tuple.tuple("schäden", 5));
  }

  private List<String> surfaces(String word) {
    return compounds.split(word).stream().map(GermanCompounds.Part::surface).toList();
  }
}
