package io.garagematch.notifications.service;

import io.garagematch.notifications.domain.Channel;
import io.garagematch.notifications.domain.NotificationStatus;
import io.garagematch.notifications.repository.NotificationEntity;
import io.garagematch.notifications.repository.NotificationRepository;
import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.problem.ProblemException;
import io.garagematch.platform.rest.Cursor;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The delivery log (admins: all; bu-staff: their units' recipients; experts: their own) with replay
 * of failed and dead notifications, and the experts' inboxes.
 */
@ApplicationScoped
public class NotificationService {

  private final NotificationRepository notifications;
  private final Dispatcher dispatcher;

  public NotificationService(NotificationRepository notifications, Dispatcher dispatcher) {
    this.notifications = notifications;
    this.dispatcher = dispatcher;
  }

  public List<NotificationView> log(
      Caller caller,
      UUID recipientId,
      NotificationStatus status,
      Channel channel,
      Cursor after,
      int limit) {
    Collection<String> units = Access.units(caller);
    UUID recipient = recipientId;
    if (!Access.admin(caller) && !caller.hasRole(Roles.BU_STAFF)) { // an expert: their own only
      UUID self = caller.expertUuid().orElse(null);
      if (self == null || (recipientId != null && !recipientId.equals(self))) {
        return List.of();
      }
      units = null;
      recipient = self;
    }
    return notifications
        .log(
            units,
            recipient,
            status,
            channel,
            after == null ? null : after.updatedAt(),
            after == null ? null : after.id(),
            limit)
        .stream()
        .map(NotificationView::of)
        .toList();
  }

  public NotificationView get(Caller caller, UUID id) {
    return NotificationView.of(visible(caller, id));
  }

  /** Sends a FAILED or DEAD notification again, with a fresh set of attempts. */
  public NotificationView replay(Caller caller, UUID id) {
    NotificationView view = QuarkusTransaction.requiringNew().call(() -> requeue(caller, id));
    dispatcher.wake();
    return view;
  }

  private NotificationView requeue(Caller caller, UUID id) {
    NotificationEntity n = visible(caller, id);
    if (!n.delivery().isReplayable()) {
      throw new ProblemException(
          Problem.of(
              409,
              "not-replayable",
              "Only FAILED or DEAD notifications are replayed",
              "notification " + id + " is " + n.status));
    }
    n.record(n.delivery().replayed(Instant.now()));
    return NotificationView.of(n);
  }

  public List<InboxItem> inbox(
      Caller caller, UUID expertId, boolean unreadOnly, Cursor before, int limit) {
    Access.requireSelf(caller, expertId);
    return notifications
        .inbox(
            expertId,
            unreadOnly,
            before == null ? null : before.updatedAt(),
            before == null ? null : before.id(),
            limit)
        .stream()
        .map(InboxItem::of)
        .toList();
  }

  /** 403 unless the caller may read this expert's inbox. */
  public void checkInbox(Caller caller, UUID expertId) {
    Access.requireSelf(caller, expertId);
  }

  public long unread(Caller caller, UUID expertId) {
    Access.requireSelf(caller, expertId);
    return notifications.unread(expertId);
  }

  /** Marks an inbox item read (or unread again). */
  @Transactional
  public InboxItem markRead(Caller caller, UUID expertId, UUID itemId, boolean read) {
    Access.requireSelf(caller, expertId);
    NotificationEntity n =
        notifications
            .findByIdOptional(itemId)
            .filter(i -> i.channel == Channel.IN_APP && i.recipientId.equals(expertId))
            .orElseThrow(() -> ProblemException.notFound("inbox item " + itemId));
    n.readAt = read ? (n.readAt == null ? Instant.now() : n.readAt) : null;
    n.updatedAt = Instant.now();
    return InboxItem.of(n);
  }

  private NotificationEntity visible(Caller caller, UUID id) {
    return notifications
        .findByIdOptional(id)
        .filter(n -> caller.actsFor(n.businessUnit) || Access.isExpert(caller, n.recipientId))
        .orElseThrow(() -> ProblemException.notFound("notification " + id));
  }
}
