package io.garagematch.matching.domain.learning;

import io.garagematch.matching.domain.Weights;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Synthetic decision histories for the learner's tests; seeded, so always the same. */
final class Decisions {

  private Decisions() {}

  /**
   * A unit that accepts for one component and against another: accepted matches have {@code
   * follows} in [0.6, 1] and {@code against} in [0, 0.4], rejected ones the other way round; the
   * other components are noise in [0, 1]. Every other match is accepted.
   */
  static List<DecisionSample> decidedBy(String follows, String against, int n, long seed) {
    Random r = new Random(seed);
    List<DecisionSample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean accepted = i % 2 == 0;
      double high = 0.6 + 0.4 * r.nextDouble();
      double low = 0.4 * r.nextDouble();
      Map<String, Double> values = new HashMap<>();
      for (String c : DecisionSample.COMPONENTS) {
        values.put(c, r.nextDouble());
      }
      values.put(follows, accepted ? high : low);
      values.put(against, accepted ? low : high);
      out.add(DecisionSample.of(values, accepted));
    }
    return out;
  }

  /** A unit that accepts for the text and against the concepts. */
  static List<DecisionSample> textDecides(int n, long seed) {
    return decidedBy("text", "concepts", n, seed);
  }

  /**
   * A unit whose decisions these weights already rank perfectly: every component of an accepted
   * match is above every component of a rejected one.
   */
  static List<DecisionSample> everythingDecides(int n, long seed) {
    Random r = new Random(seed);
    List<DecisionSample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean accepted = i % 2 == 0;
      double base = accepted ? 0.6 : 0.0;
      out.add(
          new DecisionSample(
              base + 0.4 * r.nextDouble(),
              base + 0.4 * r.nextDouble(),
              base + 0.4 * r.nextDouble(),
              base + 0.4 * r.nextDouble(),
              base + 0.4 * r.nextDouble(),
              base + 0.4 * r.nextDouble(),
              accepted));
    }
    return out;
  }

  /** The component these weights count least (the first of equals). */
  static String leastWeighed(Weights w) {
    return w.asMap().entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  /** The component these weights count most (the first of equals). */
  static String mostWeighed(Weights w) {
    return w.asMap().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  /** The same match, decided the other way. */
  static DecisionSample flipped(DecisionSample s) {
    return new DecisionSample(
        s.fields(), s.text(), s.concepts(), s.trl(), s.stage(), s.geo(), !s.accepted());
  }

  static double weightOf(Weights w, String component) {
    return w.asMap().get(component);
  }
}
