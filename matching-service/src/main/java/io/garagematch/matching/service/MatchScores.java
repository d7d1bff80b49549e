package io.garagematch.matching.service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The distribution of proposed and re-scored matches' scores, {@code
 * garagematch_match_score_percent}: the score times 100, in buckets of 10 up to 100.
 *
 * <p>In percent because Micrometer fills a distribution's buckets with each value rounded up to a
 * whole number first: a score of 0..1 counted as is would miss every bucket below 1 and land in
 * {@code +Inf} only. Rounded to the scores' own four decimals, a score on a boundary (0.7 → 70)
 * counts in that bucket, not the next.
 */
@ApplicationScoped
public class MatchScores {

  static final double[] BUCKETS = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

  private final DistributionSummary percent;

  public MatchScores(MeterRegistry registry) {
    this.percent =
        DistributionSummary.builder("garagematch.match.score")
            .description("Scores of proposed and re-scored matches, in percent")
            .baseUnit("percent")
            .serviceLevelObjectives(BUCKETS)
            .register(registry);
  }

  public void record(double score) {
    percent.record(percent(score));
  }

  static double percent(double score) {
    return Math.round(score * 10_000) / 100.0;
  }
}
