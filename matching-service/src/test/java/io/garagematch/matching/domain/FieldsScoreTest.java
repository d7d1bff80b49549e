package io.garagematch.matching.domain;

import static io.garagematch.contracts.taxonomy.InnovationField.ARTIFICIAL_INTELLIGENCE;
import static io.garagematch.contracts.taxonomy.InnovationField.AUTOMATED_DRIVING;
import static io.garagematch.contracts.taxonomy.InnovationField.DIGITAL_RETAIL;
import static io.garagematch.contracts.taxonomy.InnovationField.ELECTRIFICATION;
import static io.garagematch.contracts.taxonomy.InnovationField.IOT;
import static io.garagematch.contracts.taxonomy.InnovationField.MANUFACTURING;
import static io.garagematch.contracts.taxonomy.InnovationField.SUSTAINABILITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldsScoreTest {

  @RegisterExtension static final ScoringFixture fixture = new ScoringFixture();

  static Stream<Arguments> fields() {
    return Stream.of(
        // asked, declared, text, raw, matched, related
        arguments(Set.of(ELECTRIFICATION), ELECTRIFICATION, "", 1.0, "ELECTRIFICATION", ""),
        arguments(Set.of(ELECTRIFICATION), SUSTAINABILITY, "", 0.5, "", "ELECTRIFICATION"),
        arguments(Set.of(AUTOMATED_DRIVING), IOT, "Lidar", 0.5, "", "AUTOMATED_DRIVING"),
        arguments(
            Set.of(ELECTRIFICATION, MANUFACTURING),
            ELECTRIFICATION,
            "",
            0.5,
            "ELECTRIFICATION",
            ""),
        arguments(
            Set.of(AUTOMATED_DRIVING, DIGITAL_RETAIL),
            ARTIFICIAL_INTELLIGENCE,
            "",
            0.25,
            "",
            "AUTOMATED_DRIVING"),
        arguments(Set.of(DIGITAL_RETAIL), ELECTRIFICATION, "", 0.0, "", ""));
  }

  @ParameterizedTest
  @MethodSource
  void fields(
      Set<InnovationField> asked,
      InnovationField declared,
      String text,
      double raw,
      String matched,
      String related) {
    ScoringFixture.Scored scored =
        score(
            ScoringFixture.need(Language.EN, "anything", asked),
            ScoringFixture.startup("s", Language.EN, declared, text));

    assertThat(scored.raw()).isEqualTo(raw);
    assertThat(scored.evidence()).containsOnlyKeys("matched", "related");
    assertThat(scored.evidence().get("matched")).isEqualTo(names(matched));
    assertThat(scored.evidence().get("related")).isEqualTo(names(related));
  }

  private static List<String> names(String fields) {
    return fields.isEmpty() ? List.of() : List.of(fields);
  }

  @Test
  void aNeedThatNamesNoFieldIsCoveredWithoutEvidence() {
    ScoringFixture.Scored scored =
        score(ScoringFixture.need(Language.EN, "anything", Set.of()), ScoringFixture.SOLID_STATE);

    assertThat(scored.raw()).isEqualTo(1.0);
    assertThat(scored.evidence()).isEmpty();
  }

  @Test
  void relatedFieldsAreRelatedBothWays() {
    for (InnovationField f : InnovationField.values()) {
      assertThat(RelatedFields.of(f)).doesNotContain(f);
      RelatedFields.of(f).forEach(r -> assertThat(RelatedFields.of(r)).contains(f));
    }
  }

  private static ScoringFixture.Scored score(Need need, Startup startup) {
    return fixture.score(stats -> new FieldsScore(), need, startup);
  }
}
