package io.garagematch.matching.service;

import io.garagematch.matching.domain.Weights;
import java.util.Map;

/** One number per score component: weights, or a model's coefficients. */
public record ComponentValues(
    double fields, double text, double concepts, double trl, double stage, double geo) {

  static ComponentValues of(Weights w) {
    return new ComponentValues(w.fields(), w.text(), w.concepts(), w.trl(), w.stage(), w.geo());
  }

  /** From values by component name, rounded to four decimals. */
  static ComponentValues of(Map<String, Double> byComponent) {
    return new ComponentValues(
        round(byComponent.get("fields")),
        round(byComponent.get("text")),
        round(byComponent.get("concepts")),
        round(byComponent.get("trl")),
        round(byComponent.get("stage")),
        round(byComponent.get("geo")));
  }

  static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  static Double round(Double v) {
    return v == null ? null : round(v.doubleValue());
  }
}
