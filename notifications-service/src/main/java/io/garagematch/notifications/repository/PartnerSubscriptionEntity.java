package io.garagematch.notifications.repository;

import io.garagematch.notifications.domain.PartnerSubscriptionSpec;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A partner's webhook subscription and the secret its deliveries are signed with. */
@Entity
@Table(name = "partner_subscription")
public class PartnerSubscriptionEntity {
  @Id public UUID id;
  public String partnerId;

  @JdbcTypeCode(SqlTypes.JSON)
  public PartnerSubscriptionSpec spec;

  public String secret;
  public int version;
  public Instant createdAt;
  public Instant updatedAt;
}
