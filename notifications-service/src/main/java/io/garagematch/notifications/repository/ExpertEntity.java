package io.garagematch.notifications.repository;

import io.garagematch.notifications.domain.ExpertSpec;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An expert: the spec as written, with the columns queries need. */
@Entity
@Table(name = "expert")
public class ExpertEntity {
  @Id public UUID id;
  public String businessUnit;
  public String email;

  @JdbcTypeCode(SqlTypes.JSON)
  public ExpertSpec spec;

  /** Signs deliveries to the expert's own webhook (WEBHOOK channel). */
  public String webhookSecret;

  public int version;
  public Instant createdAt;
  public Instant updatedAt;
}
