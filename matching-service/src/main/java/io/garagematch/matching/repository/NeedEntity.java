package io.garagematch.matching.repository;

import io.garagematch.matching.domain.NeedSpec;
import io.garagematch.matching.domain.NeedStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A business unit's need, current version. */
@Entity
@Table(name = "need")
public class NeedEntity {
  @Id public UUID id;
  public String businessUnit;
  public int version;

  @Enumerated(EnumType.STRING)
  public NeedStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  public NeedSpec spec;

  public Instant createdAt;
  public Instant updatedAt;
}
