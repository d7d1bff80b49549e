package io.garagematch.matching.repository;

import io.garagematch.matching.domain.Decision;
import io.garagematch.matching.domain.RejectionReason;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One decision recorded on a match. */
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
}
