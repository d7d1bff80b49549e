package io.garagematch.matching.service;

import io.garagematch.matching.domain.FinancingIntroduction;
import io.garagematch.matching.domain.Pilot;
import io.garagematch.matching.domain.PurchaseOrder;
import io.garagematch.matching.repository.MatchDecisionEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * One decision on a match — who, when, from which status to which, why, with the data of its step —
 * as the API's history and the {@code match.decided} event show it.
 */
public record DecisionView(
    UUID id,
    String decision,
    String fromStatus,
    String toStatus,
    String reasonCode,
    String note,
    String decidedBy,
    Instant decidedAt,
    Pilot pilot,
    PurchaseOrder purchaseOrder,
    FinancingIntroduction financing,
    UUID reverts,
    UUID revertedBy) {

  static DecisionView of(MatchDecisionEntity d) {
    MatchDecisionEntity.Details x = d.details;
    return new DecisionView(
        d.id,
        d.decision.name(),
        d.fromStatus == null ? null : d.fromStatus.name(),
        d.toStatus == null ? null : d.toStatus.name(),
        d.reasonCode == null ? null : d.reasonCode.name(),
        d.note,
        d.decidedBy,
        d.decidedAt,
        x == null ? null : x.pilot(),
        x == null ? null : x.purchaseOrder(),
        x == null ? null : x.financing(),
        d.reverts,
        d.revertedBy);
  }
}
