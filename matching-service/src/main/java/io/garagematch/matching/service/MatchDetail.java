package io.garagematch.matching.service;

import io.garagematch.matching.domain.FinancingIntroduction;
import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.Pilot;
import io.garagematch.matching.domain.PurchaseOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One match in full: the startup's card, the need in brief, the latest score with its breakdown and
 * hard checks, where it stands (status, owner, the pilot, purchase order and financing in force),
 * the decisions that may follow, and the whole decision history, oldest first.
 */
public record MatchDetail(
    UUID id,
    UUID needId,
    String needTitle,
    String businessUnit,
    UUID applicationId,
    String status,
    int version,
    UUID ownerExpertId,
    Instant assignedAt,
    double score,
    String weightsVersion,
    StartupCard startup,
    List<MatchResult.ComponentScore> breakdown,
    List<MatchResult.HardCheck> hardChecks,
    Pilot pilot,
    boolean pilotOverdue,
    PurchaseOrder purchaseOrder,
    List<FinancingIntroduction> financing,
    List<String> allowedDecisions,
    List<DecisionView> history,
    Instant createdAt,
    Instant updatedAt) {

  /** Whether a running pilot's go/no-go date lies before {@code today}. */
  static boolean overdue(String status, LocalDate goNoGoDate, LocalDate today) {
    return "PILOT_STARTED".equals(status) && goNoGoDate != null && goNoGoDate.isBefore(today);
  }
}
