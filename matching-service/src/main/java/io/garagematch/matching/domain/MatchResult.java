package io.garagematch.matching.domain;

import java.util.List;
import java.util.Map;

/**
 * The score of one (need, startup) pair with its explanation: the hard checks, each component's raw
 * value, weight and contribution, and the evidence behind it.
 */
public record MatchResult(
    String needId,
    String startupId,
    double score,
    boolean passed,
    String weightsVersion,
    List<ComponentScore> breakdown,
    List<HardCheck> hardChecks) {

  /** One component: raw value in [0, 1], its weight, raw × weight, and why. */
  public record ComponentScore(
      String component,
      double raw,
      double weight,
      double contribution,
      Map<String, Object> evidence) {}

  /** One hard filter: its rule, whether the startup passed, and a sentence saying why. */
  public record HardCheck(String rule, boolean passed, String detail) {}
}
