package io.garagematch.notifications.repository;

import io.garagematch.notifications.domain.Channel;
import io.garagematch.notifications.domain.Delivery;
import io.garagematch.notifications.domain.NotificationStatus;
import io.garagematch.platform.persistence.KeysetQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockOptions;

/** Notifications: the delivery queue, the delivery log and the experts' inboxes. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<NotificationEntity, UUID> {

  /**
   * Due notifications ({@link Delivery#isDue}: PENDING or FAILED, next attempt reached), oldest
   * first, locked for this transaction; rows another instance holds are skipped.
   */
  public List<NotificationEntity> lockDue(Instant now, int limit) {
    return find(
            "status in ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", Delivery.WAITING, now)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
        .page(0, limit)
        .list();
  }

  public long unread(UUID expertId) {
    return count("recipientId = ?1 and channel = ?2 and readAt is null", expertId, Channel.IN_APP);
  }

  /** A page of an expert's inbox, newest first. */
  public List<NotificationEntity> inbox(
      UUID expertId, boolean unreadOnly, Instant beforeAt, UUID beforeId, int limit) {
    KeysetQuery q =
        KeysetQuery.newestFirst("createdAt")
            .where("recipientId = :expert", "expert", expertId)
            .where("channel = :channel", "channel", Channel.IN_APP);
    if (unreadOnly) {
      q.where("readAt is null");
    }
    q.after(beforeAt, beforeId);
    return find(q.query(), q.parameters()).page(0, limit).list();
  }

  /** A page of the delivery log, oldest first; every filter optional (null: any). */
  public List<NotificationEntity> log(
      Collection<String> businessUnits,
      UUID recipientId,
      NotificationStatus status,
      Channel channel,
      Instant afterAt,
      UUID afterId,
      int limit) {
    KeysetQuery q =
        KeysetQuery.oldestFirst("createdAt")
            .whereGiven("businessUnit in :units", "units", businessUnits)
            .whereGiven("recipientId = :recipient", "recipient", recipientId)
            .whereGiven("status = :status", "status", status)
            .whereGiven("channel = :channel", "channel", channel)
            .after(afterAt, afterId);
    return find(q.query(), q.parameters()).page(0, limit).list();
  }

  /** Carries a match's new status to its notifications (the inbox shows it). */
  public int matchStatus(UUID matchId, String status, Instant now) {
    return update(
        "matchStatus = ?1, updatedAt = ?2 where matchId = ?3 and matchStatus <> ?1",
        status,
        now,
        matchId);
  }

  /**
   * Removes an erased startup's name and pitch from every stored notification about it, delivered
   * or not, and remembers the erasure for events about it that arrive later.
   */
  public int eraseStartup(UUID applicationId, Instant now) {
    getEntityManager()
        .createNativeQuery(
            "insert into erased_application (application_id, erased_at) values (?1, ?2)"
                + " on conflict do nothing")
        .setParameter(1, applicationId)
        .setParameter(2, now)
        .executeUpdate();
    return getEntityManager()
        .createNativeQuery(
            "update notification set updated_at = ?1, payload = jsonb_set(jsonb_set(payload,"
                + " '{data,startup,name}', '\"[erased]\"'::jsonb, false),"
                + " '{data,startup,pitch}', 'null'::jsonb, false)"
                + " where application_id = ?2 and jsonb_typeof(payload #> '{data,startup}') ="
                + " 'object'")
        .setParameter(1, now)
        .setParameter(2, applicationId)
        .executeUpdate();
  }

  /** Whether the startup of this application was erased. */
  public boolean isErased(UUID applicationId) {
    return !getEntityManager()
        .createNativeQuery("select 1 from erased_application where application_id = ?1")
        .setParameter(1, applicationId)
        .getResultList()
        .isEmpty();
  }
}
