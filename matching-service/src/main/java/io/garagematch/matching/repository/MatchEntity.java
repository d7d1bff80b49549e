package io.garagematch.matching.repository;

import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.MatchStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A (need, startup) pair that crossed the need's threshold at least once. */
@Entity
@Table(name = "match")
public class MatchEntity {
  @Id public UUID id;
  public UUID needId;
  public UUID applicationId;
  public double score;

  @Enumerated(EnumType.STRING)
  public MatchStatus status;

  public String weightsVersion;

  @JdbcTypeCode(SqlTypes.JSON)
  public List<MatchResult.ComponentScore> breakdown;

  @JdbcTypeCode(SqlTypes.JSON)
  public List<MatchResult.HardCheck> hardChecks;

  public Instant createdAt;
  public Instant updatedAt;

  /** Grows with every change of status or owner: the ETag deciders name in If-Match. */
  public int version;

  /** The expert who reviews it; null while it waits in its unit's queue. */
  public UUID ownerExpertId;

  public Instant assignedAt;

  /** While a pilot runs: the day its outcome is due. */
  public LocalDate goNoGoDate;

  /** When the passing of the go/no-go date without an outcome was announced (once). */
  public Instant overdueAnnouncedAt;
}
