package io.garagematch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.garagematch.matching.domain.MatchResult.ComponentScore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvidenceTest {

  static Thesaurus thesaurus;

  @BeforeAll
  static void load() throws Exception {
    thesaurus = Thesaurus.load(null);
  }

  @Test
  void aConceptIsLabelledByItsFirstTermInEachLanguage() {
    assertThat(Evidence.labels(thesaurus, "machine-vision-inspection"))
        .containsExactly(
            Map.entry("en", "machine vision"),
            Map.entry("de", "industrielle Bildverarbeitung"),
            Map.entry("zh", "机器视觉"));
    assertThat(Evidence.labels(thesaurus, "no-such-concept")).isEmpty();
  }

  @Test
  void aBreakdownStoredWithoutLabelsIsExplainedAsTodaysIs() {
    List<ComponentScore> stored =
        List.of(
            new ComponentScore(
                "fields", 1, 0.15, 0.15, Map.of("matched", List.of("MANUFACTURING"))),
            new ComponentScore(
                "text",
                0.5,
                0.3,
                0.15,
                Map.of("language", "zh", "translated", false, "terms", List.of("视觉", "的", "在"))),
            new ComponentScore(
                "concepts",
                0.8,
                0.35,
                0.28,
                Map.of(
                    "matched",
                    List.of(
                        Map.of(
                            "concept",
                            "quality-inspection",
                            "match",
                            "related",
                            "startupConcept",
                            "machine-vision-inspection",
                            "needTerms",
                            List.of("quality inspection"),
                            "startupTerms",
                            List.of("机器视觉"))))));

    List<ComponentScore> legible = Evidence.legible(stored, thesaurus);

    assertThat(legible.get(0)).isEqualTo(stored.get(0));
    assertThat(legible.get(1).evidence().get("terms")).isEqualTo(List.of("视觉"));
    @SuppressWarnings("unchecked")
    Map<String, Object> concept =
        ((List<Map<String, Object>>) legible.get(2).evidence().get("matched")).get(0);
    assertThat(concept.get("labels")).isEqualTo(Evidence.labels(thesaurus, "quality-inspection"));
    assertThat(concept.get("startupConceptLabels"))
        .isEqualTo(Evidence.labels(thesaurus, "machine-vision-inspection"));
    assertThat(concept.get("needTerms")).isEqualTo(List.of("quality inspection"));
    assertThat(Evidence.legible(legible, thesaurus)).as("idempotent").isEqualTo(legible);
    assertThat(stored.get(1).evidence().get("terms")).as("unchanged").asList().contains("的");
  }

  @Test
  void termsStoredAsAnalysedStayAsTheyAreWithoutTheirStopWords() {
    List<ComponentScore> stored =
        List.of(
            new ComponentScore(
                "text",
                0.6,
                0.3,
                0.18,
                Map.of(
                    "language",
                    "en",
                    "translated",
                    false,
                    "terms",
                    List.of("vehicl", "the", "batteri"))));

    assertThat(Evidence.legible(stored, thesaurus).get(0).evidence().get("terms"))
        .as("a breakdown holds no text to find the words in")
        .isEqualTo(List.of("vehicl", "batteri"));
  }
}
