package io.garagematch.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.random.RandomGenerator;

/**
 * When a notification is due: e-mails wait for the end of the expert's quiet hours, or for their
 * next daily digest; failed attempts are retried with exponential back-off and jitter.
 *
 * @param digestTime the local time at which daily digests go out, in each expert's time zone
 * @param firstRetry the delay before the first retry
 * @param maxRetryDelay the cap of the doubling delay
 */
public record DeliverySchedule(LocalTime digestTime, Duration firstRetry, Duration maxRetryDelay) {

  /** When a new notification to this expert on this channel is due. */
  public Instant firstAttempt(Instant now, Preferences p, Channel channel) {
    if (channel != Channel.EMAIL) {
      return now;
    }
    ZoneId zone = p.zone();
    if (p.delivery() == DeliveryMode.DAILY_DIGEST) {
      ZonedDateTime local = now.atZone(zone);
      ZonedDateTime digest = local.with(digestTime);
      if (!digest.isAfter(local)) {
        digest = digest.plusDays(1);
      }
      return outsideQuietHours(digest, p.quietHours()).toInstant();
    }
    return outsideQuietHours(now.atZone(zone), p.quietHours()).toInstant();
  }

  /** The first moment at or after {@code t} that is not within the quiet hours. */
  static ZonedDateTime outsideQuietHours(ZonedDateTime t, QuietHours quiet) {
    if (quiet == null || !quiet.contains(t.toLocalTime())) {
      return t;
    }
    ZonedDateTime end = t.with(quiet.end());
    return end.isAfter(t) ? end : end.plusDays(1);
  }

  /**
   * When to try again after {@code attempts} failed attempts: the first retry after {@link
   * #firstRetry}, each further one twice as late, capped at {@link #maxRetryDelay}, each delay
   * drawn at random between half and all of that (jitter, so that retries do not come in waves).
   */
  public Instant retryAt(Instant now, int attempts, RandomGenerator random) {
    long base = firstRetry.toMillis();
    long cap = maxRetryDelay.toMillis();
    long delay = attempts - 1 >= 62 ? cap : Math.min(cap, base << Math.min(40, attempts - 1));
    long jittered = delay / 2 + (long) (random.nextDouble() * (delay - delay / 2));
    return now.plusMillis(Math.max(1, jittered));
  }
}
