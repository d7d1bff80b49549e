package io.garagematch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThesaurusTest {

  @Test
  void bundledThesaurusCoversEveryFieldInAllThreeLanguages() throws Exception {
    Thesaurus thesaurus = Thesaurus.load(null);

    assertThat(thesaurus.size()).isGreaterThanOrEqualTo(300);
    for (InnovationField field : InnovationField.values()) {
      assertThat(thesaurus.concepts().stream().filter(c -> c.fields().contains(field)).count())
          .as("concepts of %s", field)
          .isGreaterThanOrEqualTo(20);
    }
    assertThat(thesaurus.concepts())
        .allSatisfy(
            c -> assertThat(c.terms().keySet()).containsExactlyInAnyOrder(Language.values()));
  }

  @Test
  void conceptsAreLinkedBroaderAndNarrower() throws Exception {
    Thesaurus thesaurus =
        Thesaurus.parse(Map.of("t.txt", new StringReader(ScoringFixture.THESAURUS)));

    assertThat(thesaurus.related("battery", "solid-state-battery")).isTrue();
    assertThat(thesaurus.neighbours("battery")).containsExactly("solid-state-battery");
    assertThat(thesaurus.neighbours("perception-sensor")).containsExactly("lidar");
    assertThat(thesaurus.related("lidar", "battery")).isFalse();
  }

  @Test
  void aBroaderConceptThatDoesNotExistIsRefused() {
    assertThatThrownBy(
            () ->
                Thesaurus.parse(
                    Map.of(
                        "t.txt",
                        new StringReader(
                            """
                            concept lidar
                              fields AUTOMATED_DRIVING
                              broader sensor
                              en lidar
                              de Lidar
                              zh 激光雷达
                            """))))
        .hasMessageContaining("broader sensor is not defined");
  }
}
