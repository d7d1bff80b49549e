package io.garagematch.matching.service;

import io.garagematch.matching.domain.Weights;
import io.garagematch.matching.domain.learning.Replay;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A unit's decisions replayed: how the weights in force rank them, how weights learned from them
 * would (out of sample), and whether the learned weights may be promoted.
 */
public record ReplayView(
    String businessUnit,
    @Schema(description = "Matches of the unit's needs accepted (or further) or rejected")
        int decisions,
    int accepted,
    int rejected,
    Current current,
    @Schema(description = "Absent below 30 decisions or without decisions of both kinds")
        Learned learned,
    boolean promotable,
    String reason) {

  static final String AUC =
      "Share of (accepted, rejected) pairs where the accepted match scores higher, a tie counting"
          + " half; absent without such a pair";
  static final String PRECISION =
      "Share of accepted among the k best scored, k being the number accepted; absent when none"
          + " was accepted";

  /** The weights in force, scored on the decisions. */
  @Schema(name = "ReplayCurrent")
  public record Current(
      String version,
      ComponentValues weights,
      @Schema(description = AUC) Double auc,
      @Schema(description = PRECISION) Double precisionAtK) {}

  /**
   * Weights learned from all the decisions (the ones a promotion installs), the logistic model
   * behind them, and their figures out of sample (five folds: each scored by the weights learned
   * from the other four).
   */
  @Schema(name = "ReplayLearned")
  public record Learned(
      ComponentValues weights,
      @Schema(description = "Log-odds of acceptance per unit of each component's value")
          ComponentValues coefficients,
      double intercept,
      @Schema(description = AUC + "; out of sample") Double auc,
      @Schema(description = PRECISION + "; out of sample") Double precisionAtK) {}

  static ReplayView of(String businessUnit, Weights inForce, Replay.Comparison c) {
    Replay.Figures now = c.current();
    Current current =
        new Current(
            inForce.version(),
            ComponentValues.of(inForce),
            ComponentValues.round(now.auc()),
            ComponentValues.round(now.precisionAtK()));
    Learned learned =
        c.learned() == null
            ? null
            : new Learned(
                ComponentValues.of(c.learned().weights()),
                ComponentValues.of(c.learned().coefficients()),
                ComponentValues.round(c.learned().intercept()),
                ComponentValues.round(c.learnedFigures().auc()),
                ComponentValues.round(c.learnedFigures().precisionAtK()));
    return new ReplayView(
        businessUnit,
        now.decisions(),
        now.accepted(),
        now.rejected(),
        current,
        learned,
        c.promotable(),
        c.reason());
  }
}
