package io.garagematch.matching.repository;

import io.garagematch.matching.domain.StartupProfile;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The read model of one startup application, as its last event described it. */
@Entity
@Table(name = "startup")
public class StartupEntity {
  @Id public UUID id;
  public int version;
  public boolean active;

  /** The partner that submitted it; kept after an erasure (an organisation, not a person). */
  public String partnerId;

  @JdbcTypeCode(SqlTypes.JSON)
  public StartupProfile profile;

  public Instant updatedAt;

  /** When the startup was erased; its profile is gone then. */
  public Instant erasedAt;
}
