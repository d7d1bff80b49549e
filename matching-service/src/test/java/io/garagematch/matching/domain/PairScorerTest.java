package io.garagematch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.matching.domain.MatchResult.ComponentScore;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PairScorerTest {

  @RegisterExtension static final ScoringFixture fixture = new ScoringFixture();

  /** A need written like each startup of the corpus, some with hard filters and other weights. */
  static List<Need> needs() {
    Weights other = new Weights("other", 0.2, 0.25, 0.25, 0.1, 0.1, 0.1);
    return ScoringFixture.CORPUS.stream()
        .flatMap(
            s ->
                List.of(
                    new Need(
                        "like-" + s.id(),
                        s.language(),
                        s.pitch(),
                        null,
                        List.of(),
                        Set.of(InnovationField.ELECTRIFICATION),
                        1,
                        null,
                        null,
                        null,
                        null),
                    new Need(
                        "strict-" + s.id(),
                        s.language(),
                        s.pitch(),
                        s.pitch(),
                        List.of("lidar"),
                        Set.of(),
                        7,
                        8,
                        Set.of(FundingStage.SEED),
                        Set.of("DE"),
                        other))
                    .stream())
        .toList();
  }

  @Test
  void rankingAndExplanationGiveTheSameScoreAndVerdict() {
    fixture.withStats(
        stats -> {
          PairScorer scorer = new PairScorer(fixture.thesaurus, stats);
          for (Need need : needs()) {
            AnalysedNeed n = fixture.analysed(need);
            for (Startup startup : ScoringFixture.CORPUS) {
              AnalysedStartup s = fixture.analysed(startup);
              MatchResult explained = scorer.explain(n, s);

              assertThat(scorer.score(n, s)).isEqualTo(explained.score());
              assertThat(PairScorer.passes(need, startup)).isEqualTo(explained.passed());
            }
          }
          return null;
        });
  }

  @Test
  void theScoreIsTheSumOfTheWeightedComponents() {
    MatchResult r =
        fixture.withStats(
            stats ->
                new PairScorer(fixture.thesaurus, stats)
                    .explain(
                        fixture.analysed(needs().get(0)),
                        fixture.analysed(ScoringFixture.SOLID_STATE)));

    assertThat(r.breakdown())
        .extracting(ComponentScore::component)
        .containsExactly("fields", "text", "concepts", "trl", "stage", "geo");
    assertThat(r.breakdown())
        .allSatisfy(
            c -> {
              assertThat(c.raw()).isBetween(0.0, 1.0);
              assertThat(c.contribution()).isCloseTo(c.raw() * c.weight(), within(0.0001));
            });
    assertThat(r.score())
        .isCloseTo(
            r.breakdown().stream().mapToDouble(ComponentScore::contribution).sum(),
            within(0.00005));
    assertThat(r.weightsVersion()).isEqualTo(Weights.DEFAULT.version());
  }
}
