package io.garagematch.matching.service;

import io.garagematch.matching.domain.MatchResult;
import java.util.List;
import java.util.UUID;

/**
 * A ranked match as the API answers it. {@code id} is null and {@code status} CANDIDATE for a
 * startup that passes the hard filters but never crossed the need's threshold.
 */
public record MatchView(
    UUID id,
    UUID needId,
    UUID applicationId,
    double score,
    Integer rank,
    String status,
    String weightsVersion,
    List<MatchResult.ComponentScore> breakdown,
    List<MatchResult.HardCheck> hardChecks) {}
