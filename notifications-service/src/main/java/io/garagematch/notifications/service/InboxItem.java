package io.garagematch.notifications.service;

import io.garagematch.notifications.repository.NotificationEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * One item of an expert's in-app inbox: what happened ({@code eventType}: a match proposed to or
 * assigned to the expert, a pilot of theirs overdue), with the need's title, the startup's name and
 * the match's current status.
 */
public record InboxItem(
    UUID id,
    String eventType,
    UUID expertId,
    UUID matchId,
    UUID needId,
    UUID applicationId,
    double score,
    String title,
    String startupName,
    String matchStatus,
    boolean read,
    Instant createdAt) {

  static InboxItem of(NotificationEntity n) {
    var data = n.payload.path("data");
    return new InboxItem(
        n.id,
        n.eventType,
        n.recipientId,
        n.matchId,
        n.needId,
        n.applicationId,
        n.score,
        data.path("need").path("title").asText(null),
        data.path("startup").path("name").asText(null),
        n.matchStatus,
        n.readAt != null,
        n.createdAt);
  }
}
