package io.garagematch.matching.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much each component counts. The weights sum to 1, so the score is in [0, 1]; {@code version}
 * travels with every match so a score can always be explained by the weights it used.
 */
public record Weights(
    String version,
    double fields,
    double text,
    double concepts,
    double trl,
    double stage,
    double geo) {

  /**
   * Text weighs most: a precise description of the need's problem, in any language, says more than
   * a shared concept, whose terms the text query holds anyway (default-1 weighed text 0.30 and
   * concepts 0.35; ADR 0023 has the figures).
   */
  public static final Weights DEFAULT =
      new Weights("default-2", 0.10, 0.65, 0.10, 0.05, 0.05, 0.05);

  public Weights {
    double sum = fields + text + concepts + trl + stage + geo;
    if (fields < 0 || text < 0 || concepts < 0 || trl < 0 || stage < 0 || geo < 0) {
      throw new IllegalArgumentException("weights must not be negative");
    }
    if (Math.abs(sum - 1.0) > 1e-6) {
      throw new IllegalArgumentException("weights must sum to 1, not " + sum);
    }
  }

  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("fields", fields);
    m.put("text", text);
    m.put("concepts", concepts);
    m.put("trl", trl);
    m.put("stage", stage);
    m.put("geo", geo);
    return m;
  }
}
