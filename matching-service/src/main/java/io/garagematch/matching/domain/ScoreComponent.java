package io.garagematch.matching.domain;

import java.util.Map;

/**
 * One component of a pair's score. Its one computation gives the raw value and, only when asked,
 * records the evidence behind it: ranking and explanation cannot disagree.
 */
@FunctionalInterface
interface ScoreComponent {

  /**
   * The pair's raw value (the scorer clamps it to [0, 1]).
   *
   * @param evidence where to put the evidence, or null when only the value is wanted
   */
  double raw(AnalysedNeed need, AnalysedStartup startup, Map<String, Object> evidence);
}
