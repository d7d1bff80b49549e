package io.garagematch.notifications.domain;

import static io.garagematch.notifications.domain.NotificationStatus.DEAD;
import static io.garagematch.notifications.domain.NotificationStatus.FAILED;
import static io.garagematch.notifications.domain.NotificationStatus.PENDING;
import static io.garagematch.notifications.domain.NotificationStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.garagematch.contracts.taxonomy.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryTest {

  /** A clock that stands still until the test moves it. */
  static final class FakeClock extends Clock {
    private Instant now;

    FakeClock(Instant start) {
      this.now = start;
    }

    void advanceTo(Instant t) {
      now = t;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** Jitter that always draws the shortest delay: half of the back-off. */
  static final RandomGenerator SHORTEST = () -> 0L;

  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  /** The longest a webhook's attempt takes (its timeout in the tests). */
  static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(2);

  /** A webhook's lease: its timeout and {@link Delivery#LEASE_MARGIN}. */
  static final Duration LEASE = Duration.ofSeconds(32);

  /** The longest an e-mail's send takes (the mailer's timeout by default). */
  static final Duration MAIL_TIMEOUT = Duration.ofSeconds(10);

  static final DeliverySchedule SCHEDULE =
      new DeliverySchedule(LocalTime.of(8, 0), Duration.ofSeconds(10), Duration.ofMinutes(1));
  static final Delivery.Retries SIX_ATTEMPTS = new Delivery.Retries(6, SCHEDULE);

  final FakeClock clock = new FakeClock(T0);

  /** A webhook notification just queued, due now. */
  static Delivery queued(Instant at) {
    return Delivery.queued(at, at);
  }

  /** Claims the delivery now and records the attempt's outcome a second later. */
  Delivery attempt(Delivery d, String error) {
    Delivery claimed = d.claimed(clock.instant(), WEBHOOK_TIMEOUT);
    clock.advance(Duration.ofSeconds(1));
    return claimed.attempted(error, clock.instant(), SIX_ATTEMPTS, SHORTEST);
  }

  @Test
  void aDigestMailIsHeldUntilItsDigestTimeThenDue() {
    Preferences p =
        new Preferences(
            Language.EN,
            Set.of(Channel.EMAIL),
            0.0,
            DeliveryMode.DAILY_DIGEST,
            "Europe/Berlin",
            new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)),
            null,
            null);
    Instant eight = Instant.parse("2026-11-23T07:00:00Z"); // 08:00 in Berlin, the next day
    Delivery d =
        new Delivery(PENDING, 0, SCHEDULE.firstAttempt(T0, p, Channel.EMAIL), null, null, T0);

    assertThat(d.nextAttemptAt()).isEqualTo(eight);
    assertThat(d.isDue(T0)).isFalse();
    assertThat(d.isDue(eight.minusMillis(1))).isFalse();
    assertThat(d.isDue(eight)).isTrue();
  }

  @Test
  void aClaimedDeliveryIsNotDueDuringItsLeaseAndDueAgainOnceTheLeaseHasRunOut() {
    Delivery claimed = queued(T0).claimed(clock.instant(), WEBHOOK_TIMEOUT);

    assertThat(claimed)
        .as("only the next attempt moves, past the attempt's longest and the margin")
        .isEqualTo(new Delivery(PENDING, 0, T0.plus(LEASE), null, null, T0));
    clock.advance(LEASE.minusMillis(1));
    assertThat(claimed.isDue(clock.instant())).as("in flight").isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(claimed.isDue(clock.instant()))
        .as("the process that claimed it died: the lease ran out")
        .isTrue();
  }

  @Test
  void anAttemptStartsOnlyWhileItWouldEndWellInsideTheLease() {
    Delivery claimed = queued(T0).claimed(clock.instant(), MAIL_TIMEOUT);
    Instant leaseEnds = T0.plus(MAIL_TIMEOUT).plus(Delivery.LEASE_MARGIN);
    assertThat(claimed.nextAttemptAt())
        .as("an e-mail's lease is sized from the longest send")
        .isEqualTo(leaseEnds);

    assertThat(claimed.leaseCovers(clock.instant(), MAIL_TIMEOUT))
        .as("its turn came at once")
        .isTrue();
    Instant lastStart = leaseEnds.minus(MAIL_TIMEOUT).minus(Delivery.LEASE_RESERVE);
    clock.advanceTo(lastStart);
    assertThat(claimed.leaseCovers(clock.instant(), MAIL_TIMEOUT))
        .as("a send that ends with the reserve left")
        .isTrue();
    clock.advance(Duration.ofMillis(1));
    assertThat(claimed.leaseCovers(clock.instant(), MAIL_TIMEOUT))
        .as("a send that could end inside the reserve")
        .isFalse();
    assertThat(claimed.isDue(clock.instant())).as("still leased: no other claim yet").isFalse();
    clock.advanceTo(leaseEnds);
    assertThat(claimed.leaseCovers(clock.instant(), MAIL_TIMEOUT))
        .as("the lease ran out")
        .isFalse();
    assertThat(Delivery.deliveredInApp(T0).leaseCovers(T0, MAIL_TIMEOUT))
        .as("nothing to attempt")
        .isFalse();
  }

  @Test
  void anEmailWhoseTurnCameTooLateIsLeftToTheNextClaimAndSentOnceWithOneAttempt() {
    Delivery claimed = queued(T0).claimed(clock.instant(), MAIL_TIMEOUT);
    clock.advance(Duration.ofSeconds(30)); // waited behind other e-mails on the mail thread
    assertThat(claimed.leaseCovers(clock.instant(), MAIL_TIMEOUT)).isFalse();

    // not sent, nothing recorded: the claimed state is what the database still holds
    assertThat(claimed.isDue(clock.instant())).as("no second claim while leased").isFalse();
    clock.advanceTo(claimed.nextAttemptAt());
    assertThat(claimed.isDue(clock.instant())).as("due once the lease has run out").isTrue();
    Delivery again = claimed.claimed(clock.instant(), MAIL_TIMEOUT);
    assertThat(again.leaseCovers(clock.instant(), MAIL_TIMEOUT))
        .as("its turn comes at once")
        .isTrue();
    clock.advance(Duration.ofSeconds(1));
    Delivery sent = again.attempted(null, clock.instant(), SIX_ATTEMPTS, SHORTEST);

    assertThat(sent.status()).isEqualTo(SENT);
    assertThat(sent.attempts()).as("the send let go was no attempt").isEqualTo(1);
  }

  @Test
  void aDeliveredAttemptIsSentAndNeverDueAgain() {
    Delivery sent = attempt(queued(T0), null);

    Instant at = T0.plusSeconds(1);
    assertThat(sent).isEqualTo(new Delivery(SENT, 1, null, null, at, at));
    assertThat(sent.isDue(at.plus(Duration.ofDays(365)))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SMTP: Connection refused",
        "HTTP 500: not today",
        "timed out after 2000 ms",
        "refused: the URL resolves to an internal address (10.0.0.7)",
        "ConnectException: Connection refused",
        "java.util.concurrent.CompletionException: java.io.IOException: closed",
      })
  void aFailedAttemptOfAnyKindIsRetriedAfterTheFirstBackOff(String error) {
    Delivery failed = attempt(queued(T0), error);

    Instant at = T0.plusSeconds(1);
    assertThat(failed).isEqualTo(new Delivery(FAILED, 1, at.plusSeconds(5), error, null, at));
    assertThat(failed.isDue(at.plusMillis(4_999))).isFalse();
    assertThat(failed.isDue(at.plusSeconds(5))).isTrue();
  }

  @Test
  void theLogKeepsTheFirst2000CharactersOfAnError() {
    Delivery failed = attempt(queued(T0), "HTTP 500: " + "x".repeat(3_000));

    assertThat(failed.lastError()).hasSize(2_000).startsWith("HTTP 500: xxx");
  }

  @Test
  void retriesBackOffTwiceAsLongEachTimeUpToTheCapAndTheLastFailedAttemptIsDead() {
    Delivery d = queued(T0);
    // the shortest draw of each back-off: half of 10 s, 20 s, 40 s, then of the 60 s cap
    List<Duration> waits =
        List.of(
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
    for (int i = 0; i < waits.size(); i++) {
      d = attempt(d, "HTTP 503");
      assertThat(d.status()).isEqualTo(FAILED);
      assertThat(d.attempts()).isEqualTo(i + 1);
      assertThat(d.nextAttemptAt()).isEqualTo(clock.instant().plus(waits.get(i)));
      assertThat(d.isDue(clock.instant())).isFalse();
      clock.advanceTo(d.nextAttemptAt());
      assertThat(d.isDue(clock.instant())).isTrue();
    }

    Delivery dead = attempt(d, "HTTP 503");

    assertThat(dead)
        .as("the sixth of six attempts")
        .isEqualTo(new Delivery(DEAD, 6, null, "HTTP 503", null, clock.instant()));
    assertThat(dead.isDue(clock.instant().plus(Duration.ofDays(1)))).isFalse();
  }

  @Test
  void withASingleAttemptTheFirstFailureIsDead() {
    Delivery dead =
        queued(T0).attempted("HTTP 500", T0, new Delivery.Retries(1, SCHEDULE), SHORTEST);

    assertThat(dead).isEqualTo(new Delivery(DEAD, 1, null, "HTTP 500", null, T0));
  }

  @Test
  void aDeliverySentAfterFailedAttemptsCountsThemAllAndKeepsTheLastError() {
    Delivery d = queued(T0);
    for (int i = 0; i < 5; i++) {
      d = attempt(d, "HTTP 500: not today");
      clock.advanceTo(d.nextAttemptAt());
    }

    Delivery sent = attempt(d, null);

    assertThat(sent)
        .isEqualTo(
            new Delivery(SENT, 6, null, "HTTP 500: not today", clock.instant(), clock.instant()));
  }

  @Test
  void aDeliveryWithNoOneToGoToIsDeadWithTheReasonAndNoAttemptCounted() {
    Delivery failedTwice = attempt(attempt(queued(T0), "HTTP 500"), "HTTP 500");
    clock.advanceTo(failedTwice.nextAttemptAt());

    Delivery dead = failedTwice.givenUp("the subscription is inactive", clock.instant());

    assertThat(dead)
        .isEqualTo(
            new Delivery(DEAD, 2, null, "the subscription is inactive", null, clock.instant()));
    assertThat(dead.isDue(clock.instant())).isFalse();
  }

  @Test
  void anOpenBreakerHoldsTheDeliveryWithoutCountingAnAttempt() {
    Delivery failed = attempt(queued(T0), "HTTP 500");
    clock.advanceTo(failed.nextAttemptAt());
    Delivery claimed = failed.claimed(clock.instant(), WEBHOOK_TIMEOUT);
    Instant breakerOpenUntil = clock.instant().plusMillis(500);

    Delivery held = claimed.heldUntil(breakerOpenUntil);

    assertThat(held)
        .isEqualTo(new Delivery(FAILED, 1, breakerOpenUntil, "HTTP 500", null, failed.updatedAt()));
    assertThat(held.isDue(breakerOpenUntil.minusMillis(1))).isFalse();
    assertThat(held.isDue(breakerOpenUntil)).isTrue();
  }

  @Test
  void aDeliverySentMeanwhileIsNotHeld() {
    Delivery sent = attempt(queued(T0), null);

    assertThat(sent.heldUntil(clock.instant().plusSeconds(60))).isSameAs(sent);
  }

  @Test
  void aNewDeliveryWaitsForItsFirstAttemptAndAnInAppItemIsDeliveredAtOnce() {
    Instant first = T0.plus(Duration.ofHours(8));
    Delivery queued = Delivery.queued(first, T0);
    assertThat(queued.status()).isEqualTo(PENDING);
    assertThat(queued.attempts()).isZero();
    assertThat(queued.isDue(T0)).isFalse();
    assertThat(queued.isDue(first)).isTrue();

    Delivery inApp = Delivery.deliveredInApp(T0);
    assertThat(inApp.status()).isEqualTo(SENT);
    assertThat(inApp.attempts()).isEqualTo(1);
    assertThat(inApp.sentAt()).isEqualTo(T0);
    assertThat(inApp.isDue(T0)).isFalse();
  }

  @Test
  void aDeadOrFailedDeliveryIsReplayedFromTheFirstAttemptAndNothingElseIs() {
    Delivery dead =
        Delivery.queued(T0, T0)
            .attempted("HTTP 500: not today", T0, new Delivery.Retries(1, SCHEDULE), SHORTEST);
    assertThat(dead.status()).isEqualTo(DEAD);
    assertThat(dead.isReplayable()).isTrue();

    Instant later = T0.plus(Duration.ofMinutes(3));
    Delivery replayed = dead.replayed(later);
    assertThat(replayed.status()).isEqualTo(PENDING);
    assertThat(replayed.attempts()).isZero();
    assertThat(replayed.isDue(later)).isTrue();
    assertThat(replayed.lastError()).isEqualTo("HTTP 500: not today");

    assertThat(Delivery.deliveredInApp(T0).isReplayable()).isFalse();
    assertThat(Delivery.queued(T0, T0).isReplayable()).isFalse();
    assertThatThrownBy(() -> replayed.replayed(later)).isInstanceOf(IllegalStateException.class);
  }
}
