package io.garagematch.notifications.repository;

import io.garagematch.notifications.domain.SubscriptionSpec;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A webhook subscription and the secret its deliveries are signed with. */
@Entity
@Table(name = "subscription")
public class SubscriptionEntity {
  @Id public UUID id;
  public String businessUnit;

  @JdbcTypeCode(SqlTypes.JSON)
  public SubscriptionSpec spec;

  public String secret;
  public int version;
  public Instant createdAt;
  public Instant updatedAt;
}
