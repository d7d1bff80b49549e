package io.garagematch.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where one notification's delivery stands, as its delivery-log entry shows it, and the rules that
 * move it on. Each transition is told the time it happens at and returns the new state, which the
 * caller stores as it is:
 *
 * <ul>
 *   <li><b>due</b>: PENDING or FAILED and its next attempt reached. A new e-mail may be held until
 *       later (quiet hours, the daily digest: {@link DeliverySchedule#firstAttempt}).
 *   <li><b>claimed</b>: the next attempt moves past a lease while the attempt is in flight; should
 *       the process die, the lease runs out and the delivery is due again. An attempt is only
 *       started while enough of the lease is left for it to end inside it ({@link #leaseCovers}):
 *       an attempt that starts later could run alongside the next claim's, and the recipient would
 *       get it twice.
 *   <li><b>held</b>: while its endpoint's circuit breaker is open it waits; no attempt is counted.
 *   <li><b>attempted</b>: delivered, it is SENT; failed, it is FAILED with its next attempt after a
 *       back-off, or DEAD once the attempts are used up. The last error stays in the log.
 *   <li><b>given up</b>: DEAD at once, with the reason, when there is no one to deliver to.
 *   <li><b>replayed</b>: a FAILED or DEAD delivery starts again from the first attempt, now.
 * </ul>
 *
 * <p>A new delivery is {@link #queued} for its first attempt, or, in the in-app inbox, {@link
 * #deliveredInApp} at once.
 *
 * @param updatedAt when the entry last changed
 */
public record Delivery(
    NotificationStatus status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant sentAt,
    Instant updatedAt) {

  /** The states that wait for an attempt. */
  public static final List<NotificationStatus> WAITING =
      List.of(NotificationStatus.PENDING, NotificationStatus.FAILED);

  /** The longest error the log keeps. */
  static final int MAX_ERROR = 2000;

  /**
   * How much longer than its longest attempt a claim holds a delivery: time to wait for its turn
   * (e-mails take turns on one connection), to start and to record the outcome.
   */
  public static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

  /**
   * What an attempt must leave of the lease when it ends at the latest: time to record its outcome,
   * and for clocks of instances that differ a little.
   */
  public static final Duration LEASE_RESERVE = Duration.ofSeconds(5);

  /**
   * How failed attempts are retried: up to {@code maxAttempts} in all, each retry when the schedule
   * says.
   */
  public record Retries(int maxAttempts, DeliverySchedule schedule) {}

  /** A new delivery waiting for its first attempt at {@code firstAttempt}. */
  public static Delivery queued(Instant firstAttempt, Instant now) {
    return new Delivery(NotificationStatus.PENDING, 0, firstAttempt, null, null, now);
  }

  /** A new in-app item: stored is delivered, in one attempt. */
  public static Delivery deliveredInApp(Instant now) {
    return new Delivery(NotificationStatus.SENT, 1, null, null, now, now);
  }

  /** Whether it may be replayed: it failed and waits, or it is dead. */
  public boolean isReplayable() {
    return status == NotificationStatus.FAILED || status == NotificationStatus.DEAD;
  }

  /**
   * Started again from the first attempt, due now; the last error stays in the log.
   *
   * @throws IllegalStateException when it is not {@link #isReplayable}
   */
  public Delivery replayed(Instant now) {
    if (!isReplayable()) {
      throw new IllegalStateException("a " + status + " delivery is not replayed");
    }
    return new Delivery(NotificationStatus.PENDING, 0, now, lastError, sentAt, now);
  }

  /** Whether an attempt is due ({@code NotificationRepository.lockDue} asks the same in SQL). */
  public boolean isDue(Instant now) {
    return WAITING.contains(status) && nextAttemptAt != null && !nextAttemptAt.isAfter(now);
  }

  /**
   * Claimed now for an attempt that takes at most {@code longest}: not due again before the lease
   * ({@code longest} and {@link #LEASE_MARGIN}) has run out.
   */
  public Delivery claimed(Instant now, Duration longest) {
    return withNextAttempt(now.plus(longest).plus(LEASE_MARGIN));
  }

  /**
   * Whether the lease of this {@link #claimed} delivery still covers an attempt that starts now and
   * takes at most {@code longest}: it ends {@link #LEASE_RESERVE} before the lease runs out. When
   * it does not, the attempt is not started; the delivery is due again once the lease has run out,
   * and the next claim makes the attempt.
   */
  public boolean leaseCovers(Instant now, Duration longest) {
    return nextAttemptAt != null && !now.plus(longest).plus(LEASE_RESERVE).isAfter(nextAttemptAt);
  }

  /** Waits until {@code until} without an attempt (a delivery already SENT stays as it is). */
  public Delivery heldUntil(Instant until) {
    return status == NotificationStatus.SENT ? this : withNextAttempt(until);
  }

  /** DEAD without an attempt, for this reason. */
  public Delivery givenUp(String reason, Instant now) {
    return new Delivery(NotificationStatus.DEAD, attempts, null, reason, sentAt, now);
  }

  /**
   * The outcome of one attempt: {@code error} null means delivered. The back-off's jitter is drawn
   * from {@code jitter}.
   */
  public Delivery attempted(String error, Instant now, Retries retries, RandomGenerator jitter) {
    int made = attempts + 1;
    if (error == null) {
      return new Delivery(NotificationStatus.SENT, made, null, lastError, now, now);
    }
    String kept = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    if (made >= retries.maxAttempts()) {
      return new Delivery(NotificationStatus.DEAD, made, null, kept, sentAt, now);
    }
    Instant retryAt = retries.schedule().retryAt(now, made, jitter);
    return new Delivery(NotificationStatus.FAILED, made, retryAt, kept, sentAt, now);
  }

  private Delivery withNextAttempt(Instant at) {
    return new Delivery(status, attempts, at, lastError, sentAt, updatedAt);
  }
}
