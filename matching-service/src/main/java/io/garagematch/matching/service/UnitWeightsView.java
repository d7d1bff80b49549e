package io.garagematch.matching.service;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A business unit's weights in force: what its needs without weights of their own score with. */
public record UnitWeightsView(
    String businessUnit,
    @Schema(description = "default-1 (the defaults) or bu-<unit>-learned-<n>") String version,
    ComponentValues weights,
    @Schema(description = "When they were promoted; absent for the defaults") Instant since,
    @Schema(description = "The token subject who promoted them; absent for the defaults")
        String promotedBy) {

  static UnitWeightsView of(WeightsInForce.UnitWeights w) {
    return new UnitWeightsView(
        w.businessUnit(),
        w.weights().version(),
        ComponentValues.of(w.weights()),
        w.since(),
        w.promotedBy());
  }
}
