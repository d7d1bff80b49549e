package io.garagematch.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.garagematch.contracts.taxonomy.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryScheduleTest {

  final DeliverySchedule schedule =
      new DeliverySchedule(LocalTime.of(8, 0), Duration.ofSeconds(10), Duration.ofHours(1));

  static Preferences prefs(DeliveryMode mode, String zone, QuietHours quiet) {
    return new Preferences(Language.DE, Set.of(Channel.EMAIL), 0.0, mode, zone, quiet, null, null);
  }

  @Test
  void immediateMailGoesNowOutsideQuietHours() {
    Instant now = Instant.parse("2026-11-22T10:00:00Z"); // 11:00 in Berlin
    assertThat(
            schedule.firstAttempt(
                now,
                prefs(
                    DeliveryMode.IMMEDIATE,
                    "Europe/Berlin",
                    new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0))),
                Channel.EMAIL))
        .isEqualTo(now);
  }

  @Test
  void immediateMailWaitsForTheEndOfQuietHoursAcrossMidnight() {
    Instant now = Instant.parse("2026-11-22T22:30:00Z"); // 23:30 in Berlin
    assertThat(
            schedule.firstAttempt(
                now,
                prefs(
                    DeliveryMode.IMMEDIATE,
                    "Europe/Berlin",
                    new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0))),
                Channel.EMAIL))
        .isEqualTo(Instant.parse("2026-11-23T06:00:00Z")); // 07:00 in Berlin
  }

  @Test
  void inAppAndWebhooksIgnoreQuietHours() {
    Instant now = Instant.parse("2026-11-22T22:30:00Z");
    Preferences p =
        prefs(
            DeliveryMode.DAILY_DIGEST,
            "Europe/Berlin",
            new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)));
    assertThat(schedule.firstAttempt(now, p, Channel.IN_APP)).isEqualTo(now);
    assertThat(schedule.firstAttempt(now, p, Channel.WEBHOOK)).isEqualTo(now);
  }

  @Test
  void digestGoesAtTheNextDigestTimeInTheExpertsZone() {
    Instant now = Instant.parse("2026-11-22T03:00:00Z"); // 11:00 in Shanghai, past 08:00
    assertThat(
            schedule.firstAttempt(
                now, prefs(DeliveryMode.DAILY_DIGEST, "Asia/Shanghai", null), Channel.EMAIL))
        .isEqualTo(Instant.parse("2026-11-23T00:00:00Z")); // 08:00 next day in Shanghai
    Instant early = Instant.parse("2026-11-21T22:00:00Z"); // 06:00 in Shanghai
    assertThat(
            schedule.firstAttempt(
                early, prefs(DeliveryMode.DAILY_DIGEST, "Asia/Shanghai", null), Channel.EMAIL))
        .isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
  }

  @Test
  void digestInsideQuietHoursWaitsForTheirEnd() {
    Instant now = Instant.parse("2026-11-22T03:00:00Z");
    Preferences p =
        prefs(
            DeliveryMode.DAILY_DIGEST,
            "Asia/Shanghai",
            new QuietHours(LocalTime.of(6, 0), LocalTime.of(9, 30)));
    assertThat(schedule.firstAttempt(now, p, Channel.EMAIL))
        .isEqualTo(Instant.parse("2026-11-23T01:30:00Z")); // 09:30 in Shanghai
  }

  @Test
  void retriesBackOffExponentiallyWithJitterUpToTheCap() {
    Instant now = Instant.parse("2026-11-22T00:00:00Z");
    Random random = new Random(7);
    for (int attempt = 1; attempt <= 12; attempt++) {
      long full = Math.min(3_600_000L, 10_000L << (attempt - 1));
      for (int i = 0; i < 50; i++) {
        long delay = Duration.between(now, schedule.retryAt(now, attempt, random)).toMillis();
        assertThat(delay).isBetween(full / 2, full);
      }
    }
  }

  @Test
  void quietHoursWithEqualEndsAreNone() {
    assertThat(new QuietHours(LocalTime.NOON, LocalTime.NOON).contains(LocalTime.NOON)).isFalse();
    assertThat(
            new QuietHours(LocalTime.of(9, 0), LocalTime.of(17, 0)).contains(LocalTime.of(17, 0)))
        .isFalse();
    assertThat(new QuietHours(LocalTime.of(9, 0), LocalTime.of(17, 0)).contains(LocalTime.of(9, 0)))
        .isTrue();
  }
}
