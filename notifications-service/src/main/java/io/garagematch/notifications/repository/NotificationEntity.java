package io.garagematch.notifications.repository;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.garagematch.notifications.domain.Channel;
import io.garagematch.notifications.domain.Delivery;
import io.garagematch.notifications.domain.NotificationStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One notification: an event for one recipient on one channel, unique on (eventId, recipientId,
 * channel). IN_APP notifications are the experts' inbox items. Its delivery state is a {@link
 * Delivery}, which decides its own transitions.
 */
@Entity
@Table(name = "notification")
public class NotificationEntity {
  @Id public UUID id;
  public String eventId;
  public String eventType;
  public String recipientKind;
  public UUID recipientId;
  public String businessUnit;

  @Enumerated(EnumType.STRING)
  public Channel channel;

  @Enumerated(EnumType.STRING)
  public NotificationStatus status;

  /** An e-mail kept for the expert's daily digest. */
  public boolean digest;

  public int attempts;
  public Instant nextAttemptAt;
  public String lastError;
  public UUID matchId;
  public UUID needId;
  public UUID applicationId;
  public String matchStatus;
  public double score;

  /** The event as delivered to webhooks: {id, type, source, time, subject, data}. */
  @JdbcTypeCode(SqlTypes.JSON)
  public ObjectNode payload;

  public Instant readAt;
  public Instant createdAt;
  public Instant updatedAt;
  public Instant sentAt;

  public Delivery delivery() {
    return new Delivery(status, attempts, nextAttemptAt, lastError, sentAt, updatedAt);
  }

  /** Takes on the delivery state a transition returned. */
  public void record(Delivery d) {
    status = d.status();
    attempts = d.attempts();
    nextAttemptAt = d.nextAttemptAt();
    lastError = d.lastError();
    sentAt = d.sentAt();
    updatedAt = d.updatedAt();
  }
}
