package io.garagematch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.garagematch.contracts.taxonomy.Language;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConceptsScoreTest {

  @RegisterExtension static final ScoringFixture fixture = new ScoringFixture();

  @Test
  void everyConceptOfTheNeedFoundScoresAllItsConceptsSayAndIsNamedInThreeLanguages() {
    ScoringFixture.Scored scored = score(Language.ZH, "固态电池", ScoringFixture.SOLID_STATE);

    assertThat(coverage(scored)).as("one concept says part of a need").isBetween(0.0, 1.0);
    assertThat(scored.raw()).isCloseTo(coverage(scored), within(1e-4));
    assertThat(matched(scored))
        .filteredOn(e -> e.get("concept").equals("solid-state-battery"))
        .singleElement()
        .isEqualTo(
            Map.of(
                "concept", "solid-state-battery",
                "labels",
                    Map.of("en", "solid-state battery", "de", "Festkörperbatterie", "zh", "固态电池"),
                "match", "exact",
                "needTerms", List.of("固态电池"),
                "startupTerms", List.of("solid-state battery")));
  }

  @Test
  void aNarrowerConceptCountsHalfAndIsNamedOnBothSides() {
    ScoringFixture.Scored scored = score(Language.DE, "Umfeldsensor", ScoringFixture.LIDAR);

    assertThat(scored.raw()).isCloseTo(coverage(scored) * Math.sqrt(0.5), within(1e-4));
    assertThat(matched(scored))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e)
                  .containsEntry("concept", "perception-sensor")
                  .containsEntry("match", "related")
                  .containsEntry("startupConcept", "lidar")
                  .containsEntry(
                      "startupConceptLabels", Map.of("en", "lidar", "de", "Lidar", "zh", "激光雷达"));
            });
  }

  @Test
  void aNeedWithoutConceptsScoresZeroAndMatchesNone() {
    ScoringFixture.Scored scored =
        score(Language.EN, "Quantum annealing", ScoringFixture.SOLID_STATE);

    assertThat(scored.raw()).isZero();
    assertThat(matched(scored)).isEmpty();
  }

  @Test
  void eachConceptCountsByItsShareOfTheNeed() {
    Need both = ScoringFixture.need(Language.EN, "driver monitoring and lidar", Set.of());

    ScoringFixture.Scored dms = score(both, ScoringFixture.DRIVER_MONITORING);
    ScoringFixture.Scored lidar = score(both, ScoringFixture.LIDAR);

    assertThat(dms.raw())
        .as("equally rare, equally prominent")
        .isCloseTo(coverage(dms) * Math.sqrt(0.5), within(1e-4));
    assertThat(lidar.raw()).isEqualTo(dms.raw());
    assertThat(matched(dms)).extracting(e -> e.get("concept")).containsExactly("driver-monitoring");
    assertThat(matched(lidar)).extracting(e -> e.get("concept")).containsExactly("lidar");
  }

  @Test
  void twoConceptsOfANeedSayMoreOfItThanOne() {
    Need one = ScoringFixture.need(Language.EN, "lidar", Set.of());
    Need two = ScoringFixture.need(Language.EN, "driver monitoring and lidar", Set.of());

    assertThat(coverage(score(two, ScoringFixture.LIDAR)))
        .isGreaterThan(coverage(score(one, ScoringFixture.LIDAR)));
  }

  private static double coverage(ScoringFixture.Scored scored) {
    return (Double) scored.evidence().get("needCoverage");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> matched(ScoringFixture.Scored scored) {
    assertThat(scored.evidence()).containsOnlyKeys("matched", "needCoverage");
    return (List<Map<String, Object>>) scored.evidence().get("matched");
  }

  private static ScoringFixture.Scored score(Language language, String title, Startup startup) {
    return score(ScoringFixture.need(language, title, Set.of()), startup);
  }

  private static ScoringFixture.Scored score(Need need, Startup startup) {
    return fixture.score(stats -> new ConceptsScore(fixture.thesaurus, stats), need, startup);
  }
}
