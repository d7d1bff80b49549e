package io.garagematch.matching.service;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Learned weights promoted: now in force for the unit. */
public record PromotionView(
    String businessUnit,
    String version,
    ComponentValues weights,
    Instant since,
    String promotedBy,
    @Schema(description = "The replay the promotion rested on") ReplayView replay,
    @Schema(description = "Open needs of the unit without weights of their own, re-scored")
        int needsRescored) {

  PromotionView withNeedsRescored(int n) {
    return new PromotionView(businessUnit, version, weights, since, promotedBy, replay, n);
  }
}
