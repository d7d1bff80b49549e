package io.garagematch.matching.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchScoresTest {

  @ParameterizedTest(name = "score {0} counts in the bucket up to {1} %")
  @CsvSource({
    "0.0, 10",
    "0.05, 10",
    "0.1, 10",
    "0.1001, 20",
    "0.3, 30",
    "0.7, 70",
    "0.7001, 80",
    "0.9999, 100",
    "1.0, 100"
  })
  void aScoreCountsInTheLowestBucketThatHoldsIt(double score, double bucket) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new MatchScores(registry).record(score);

    DistributionSummary summary = registry.get("garagematch.match.score").summary();
    CountAtBucket[] counts = summary.takeSnapshot().histogramCounts();
    assertThat(counts)
        .extracting(CountAtBucket::bucket)
        .containsExactly(Arrays.stream(MatchScores.BUCKETS).boxed().toArray(Double[]::new));
    assertThat(Arrays.stream(counts).filter(c -> c.count() == 1).findFirst())
        .hasValueSatisfying(first -> assertThat(first.bucket()).isEqualTo(bucket));
    assertThat(summary.totalAmount()).isEqualTo(MatchScores.percent(score));
  }
}
