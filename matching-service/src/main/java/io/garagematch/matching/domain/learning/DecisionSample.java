package io.garagematch.matching.domain.learning;

import io.garagematch.matching.domain.MatchStatus;
import io.garagematch.matching.domain.Weights;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One decided match as the learner sees it: the six component values its breakdown stored (each in
 * [0, 1]) and whether its unit took the startup up.
 *
 * <p>Labels come from the match's status now, so a reverted decision no longer counts: ACCEPTED and
 * every pilot or purchase-order status are accepted, REJECTED is rejected; PROPOSED, SHORTLISTED
 * and WITHDRAWN are no decision.
 */
public record DecisionSample(
    double fields,
    double text,
    double concepts,
    double trl,
    double stage,
    double geo,
    boolean accepted) {

  /** The components in the order of {@link Weights} and of every breakdown. */
  public static final List<String> COMPONENTS =
      List.of("fields", "text", "concepts", "trl", "stage", "geo");

  /** The statuses that count as the unit's acceptance. */
  public static final Set<MatchStatus> ACCEPTED =
      Set.of(
          MatchStatus.ACCEPTED,
          MatchStatus.PILOT_STARTED,
          MatchStatus.PILOT_GO,
          MatchStatus.PILOT_NO_GO,
          MatchStatus.PURCHASE_ORDER_ISSUED);

  /** The statuses that count as the unit's rejection. */
  public static final Set<MatchStatus> REJECTED = Set.of(MatchStatus.REJECTED);

  /** Accepted or rejected, or empty when the status is no decision yet. */
  public static Optional<Boolean> label(MatchStatus status) {
    if (ACCEPTED.contains(status)) {
      return Optional.of(true);
    }
    return REJECTED.contains(status) ? Optional.of(false) : Optional.empty();
  }

  /** From a stored breakdown's values by component name; a component it lacks counts 0. */
  public static DecisionSample of(Map<String, Double> values, boolean accepted) {
    double[] v = new double[COMPONENTS.size()];
    for (int i = 0; i < v.length; i++) {
      Double value = values.get(COMPONENTS.get(i));
      v[i] = value == null ? 0 : Math.max(0, Math.min(1, value));
    }
    return new DecisionSample(v[0], v[1], v[2], v[3], v[4], v[5], accepted);
  }

  /** The six values in {@link #COMPONENTS} order. */
  double[] values() {
    return new double[] {fields, text, concepts, trl, stage, geo};
  }

  /** The score these weights give the match: the weighted sum of its values. */
  public double scoreWith(Weights w) {
    return w.fields() * fields
        + w.text() * text
        + w.concepts() * concepts
        + w.trl() * trl
        + w.stage() * stage
        + w.geo() * geo;
  }
}
