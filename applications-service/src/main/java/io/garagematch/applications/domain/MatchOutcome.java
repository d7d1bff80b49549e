package io.garagematch.applications.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What became of one match of a startup, as far as its partner may know: the business unit, the
 * need's title, where the match stands and when — no score, no evidence, no other startup.
 */
public record MatchOutcome(
    UUID matchId,
    UUID applicationId,
    String businessUnit,
    String status,
    Instant updatedAt,
    String needTitle,
    Instant proposedAt) {}
