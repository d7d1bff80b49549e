package io.garagematch.matching.service;

import io.garagematch.matching.domain.MatchResult;
import java.util.List;
import java.util.UUID;

/**
 * A ranked match as the API answers it, with the startup's card. {@code id} and {@code version} are
 * null and {@code status} CANDIDATE for a startup that passes the hard filters but never crossed
 * the need's threshold; {@code ownerExpertId} is null while the match waits in its unit's queue.
 */
public record MatchView(
    UUID id,
    UUID needId,
    UUID applicationId,
    double score,
    Integer rank,
    String status,
    Integer version,
    UUID ownerExpertId,
    String weightsVersion,
    StartupCard startup,
    List<MatchResult.ComponentScore> breakdown,
    List<MatchResult.HardCheck> hardChecks) {}
