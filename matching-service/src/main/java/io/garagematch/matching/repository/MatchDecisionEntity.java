package io.garagematch.matching.repository;

import io.garagematch.matching.domain.Decision;
import io.garagematch.matching.domain.FinancingIntroduction;
import io.garagematch.matching.domain.MatchStatus;
import io.garagematch.matching.domain.Pilot;
import io.garagematch.matching.domain.PurchaseOrder;
import io.garagematch.matching.domain.RejectionReason;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One decision recorded on a match: who, when, from which status to which, with its data. */
@Entity
@Table(name = "match_decision")
public class MatchDecisionEntity {
  @Id public UUID id;
  public UUID matchId;

  @Enumerated(EnumType.STRING)
  public Decision decision;

  @Enumerated(EnumType.STRING)
  public RejectionReason reasonCode;

  public String note;
  public String decidedBy;
  public Instant decidedAt;

  @Enumerated(EnumType.STRING)
  public MatchStatus fromStatus;

  @Enumerated(EnumType.STRING)
  public MatchStatus toStatus;

  @JdbcTypeCode(SqlTypes.JSON)
  public Details details;

  /** The later REVERTED decision that undid this one, if any. */
  public UUID revertedBy;

  /** For a REVERTED decision: the decision it undid. */
  public UUID reverts;

  /** The data a step carries (at most one part is set). */
  public record Details(
      Pilot pilot, PurchaseOrder purchaseOrder, FinancingIntroduction financing) {}
}
