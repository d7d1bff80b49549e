package io.garagematch.notifications.service;

import io.garagematch.notifications.domain.Channel;
import io.garagematch.notifications.domain.NotificationStatus;
import io.garagematch.notifications.repository.NotificationEntity;
import java.time.Instant;
import java.util.UUID;

/** One notification in the delivery log. */
public record NotificationView(
    UUID id,
    String eventId,
    String eventType,
    String recipientKind,
    UUID recipientId,
    String businessUnit,
    Channel channel,
    NotificationStatus status,
    boolean digest,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    UUID matchId,
    Instant createdAt,
    Instant sentAt) {

  static NotificationView of(NotificationEntity n) {
    return new NotificationView(
        n.id,
        n.eventId,
        n.eventType,
        n.recipientKind,
        n.recipientId,
        n.businessUnit,
        n.channel,
        n.status,
        n.digest,
        n.attempts,
        n.nextAttemptAt,
        n.lastError,
        n.matchId,
        n.createdAt,
        n.sentAt);
  }
}
