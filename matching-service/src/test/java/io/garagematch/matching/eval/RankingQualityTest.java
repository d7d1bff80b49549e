package io.garagematch.matching.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.garagematch.matching.domain.Thesaurus;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Ranking quality on the project's own judged set ({@code src/test/resources/eval}): a change to
 * the matcher or the thesaurus that makes it worse fails here. The floors sit a little below what
 * the matcher measured when they were set (see docs/performance.md).
 */
class RankingQualityTest {

  /** Measured 0.890 when set. */
  static final double NDCG_AT_10_FLOOR = 0.80;

  /**
   * Measured 0.600 when set. The set has 3 startups graded 2 or 3 per need (4 for Q03), so the best
   * possible P@5 is 0.633.
   */
  static final double P_AT_5_FLOOR = 0.50;

  @Test
  void rankingOnTheProjectsJudgedSetStaysAboveTheFloor() throws Exception {
    EvaluationSet set = EvaluationSet.load(resource("eval"));

    Evaluation.Report report = Evaluation.run(set, Thesaurus.load(null));

    assertThat(report.ndcg10()).as("nDCG@10").isGreaterThanOrEqualTo(NDCG_AT_10_FLOOR);
    assertThat(report.p5()).as("P@5").isGreaterThanOrEqualTo(P_AT_5_FLOOR);
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(RankingQualityTest.class.getClassLoader().getResource(name).toURI());
  }
}
