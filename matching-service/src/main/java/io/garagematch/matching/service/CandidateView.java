package io.garagematch.matching.service;

import io.garagematch.matching.domain.MatchResult;
import java.util.List;
import java.util.UUID;

/**
 * Why a startup is, or is not, in a need's ranking: each hard check passed or failed with its
 * detail, each component of the score, the need's threshold, and the stored match if there is one.
 */
public record CandidateView(
    UUID needId,
    UUID applicationId,
    StartupCard startup,
    boolean passedHardChecks,
    double score,
    double threshold,
    boolean aboveThreshold,
    String verdict,
    UUID matchId,
    String matchStatus,
    String weightsVersion,
    List<MatchResult.HardCheck> hardChecks,
    List<MatchResult.ComponentScore> breakdown) {}
