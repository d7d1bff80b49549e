package io.garagematch.matching.service;

import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.Pilot;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The data of every {@code match.*} event (docs/events/match.schema.json): the match with what a
 * consumer needs to act on it without calling back — the partner that submitted the startup, the
 * need and startup in brief, the owning expert, the running pilot, and for {@code match.decided}
 * the decision.
 */
public record MatchEventData(
    UUID id,
    UUID needId,
    UUID applicationId,
    String partnerId,
    String businessUnit,
    String status,
    int version,
    double score,
    String weightsVersion,
    List<MatchResult.ComponentScore> breakdown,
    List<MatchResult.HardCheck> hardChecks,
    NeedBrief need,
    StartupBrief startup,
    UUID ownerExpertId,
    Pilot pilot,
    DecisionView decision,
    Instant createdAt,
    Instant updatedAt) {

  /** The need in brief. */
  public record NeedBrief(String title, Language language, Set<InnovationField> innovationFields) {}

  /** The startup in brief (never contact data). */
  public record StartupBrief(String name, Language language, String country, String pitch) {}
}
