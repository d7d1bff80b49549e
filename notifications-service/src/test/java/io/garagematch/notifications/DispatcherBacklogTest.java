package io.garagematch.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.garagematch.contracts.taxonomy.Language;
import io.garagematch.notifications.domain.Channel;
import io.garagematch.notifications.domain.Delivery;
import io.garagematch.notifications.domain.ExpertSpec;
import io.garagematch.notifications.domain.NotificationStatus;
import io.garagematch.notifications.repository.ExpertEntity;
import io.garagematch.notifications.repository.ExpertRepository;
import io.garagematch.notifications.repository.NotificationEntity;
import io.garagematch.notifications.repository.NotificationRepository;
import io.garagematch.notifications.service.Dispatcher;
import io.garagematch.notifications.service.EmailSender;
import io.garagematch.notifications.service.InFlight;
import io.garagematch.notifications.support.MatchEvents;
import io.garagematch.notifications.support.SmtpServer;
import io.garagematch.platform.testing.Scrape;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A backlog many times larger than the dispatcher's window, as a burst of startups leaves it: every
 * e-mail reaches the real SMTP server once while no more than {@code max-in-flight} notifications
 * are ever held in memory, and none is sent without its attempt in the delivery log.
 *
 * <p>The mail client now and then never completes a send (docs/adr/0007-notifications.md): that
 * attempt times out, is logged as failed and retried. Such a message may have arrived after all, so
 * a recipient may have as many e-mails as its notification has attempts — never more, which is what
 * an e-mail sent again behind the back of its lease looks like.
 */
@QuarkusTest
@TestProfile(DispatcherBacklogTest.SmallWindow.class)
class DispatcherBacklogTest {

  static final Logger LOG = Logger.getLogger(DispatcherBacklogTest.class);
  static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_IN_FLIGHT = 8;
  static final int BACKLOG = 150;

  /**
   * A window of a few notifications, so that the backlog is many times larger; a send that hangs
   * costs a second, not three.
   */
  public static class SmallWindow implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "garagematch.notifications.dispatcher.max-in-flight",
          Integer.toString(MAX_IN_FLIGHT),
          "quarkus.mailer.timeout",
          "1S");
    }
  }

  @Inject ExpertRepository experts;
  @Inject NotificationRepository notifications;
  @Inject InFlight inFlight;
  @Inject Dispatcher dispatcher;

  @Test
  void aBacklogManyTimesTheWindowIsMailedWithNoMoreInFlightAndNoMailTheLogDoesNotShow() {
    String unit = "BU-" + UUID.randomUUID();
    Set<String> addresses = backlog(unit, BACKLOG);
    long started = System.nanoTime();
    dispatcher.wake();

    AtomicInteger mostSeen = new AtomicInteger();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              mostSeen.accumulateAndGet(inFlightNow(), Math::max);
              return sent(unit) == BACKLOG;
            });
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    Map<String, Logged> log = deliveryLog(unit);
    Map<String, Integer> mails = new HashMap<>();
    Set<String> messageIds = new HashSet<>();
    for (MimeMessage m : SmtpServer.received()) {
      if (addresses.contains(recipient(m))) {
        mails.merge(recipient(m), 1, Integer::sum);
        messageIds.add(messageId(m));
      }
    }
    int received = mails.values().stream().mapToInt(Integer::intValue).sum();
    LOG.infof(
        "%d e-mails due, at most %d in flight: %d received by %d recipients, %d Message-IDs,"
            + " %d attempts; at most %d in flight (the gauge showed %d); %d ms",
        BACKLOG,
        MAX_IN_FLIGHT,
        received,
        mails.size(),
        messageIds.size(),
        log.values().stream().mapToInt(Logged::attempts).sum(),
        inFlight.peak(),
        mostSeen.get(),
        took.toMillis());
    assertThat(mails.keySet()).as("every notification reached its recipient").isEqualTo(addresses);
    for (MimeMessage m : SmtpServer.received()) {
      if (addresses.contains(recipient(m))) {
        assertThat(messageId(m))
            .as("an e-mail carries its notification's Message-ID, on every attempt")
            .isEqualTo(EmailSender.messageId(log.get(recipient(m)).id()));
      }
    }
    assertThat(mails)
        .as("no e-mail without its attempt in the delivery log")
        .allSatisfy(
            (to, count) -> assertThat(count).as(to).isLessThanOrEqualTo(log.get(to).attempts()));
    assertThat(log.values())
        .filteredOn(l -> l.attempts() > 1)
        .as("each attempt after the first followed a failed send")
        .allSatisfy(l -> assertThat(l.lastError()).startsWith("SMTP: "));
    assertThat(Scrape.now().value("garagematch_notifications_lease_expired_total"))
        .as("no e-mail waited past its lease")
        .isZero();

    assertThat(inFlight.peak()).as("the window was filled, never overrun").isEqualTo(MAX_IN_FLIGHT);
    assertThat(mostSeen.get())
        .as("garagematch_notifications_in_flight while the backlog drained")
        .isBetween(1, MAX_IN_FLIGHT);
    await().atMost(Duration.ofSeconds(5)).until(() -> inFlightNow() == 0); // every place given back
  }

  /** The in-flight gauge as Prometheus reads it. */
  static int inFlightNow() {
    Scrape scrape = Scrape.now();
    assertThat(scrape.has("garagematch_notifications_in_flight")).isTrue();
    return (int) scrape.value("garagematch_notifications_in_flight");
  }

  /**
   * Stores {@code count} e-mail notifications due now, each to an expert of its own, in one
   * transaction: the dispatcher finds them all at once. Returns the experts' addresses.
   */
  Set<String> backlog(String unit, int count) {
    Set<String> addresses = new HashSet<>();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Instant now = Instant.now();
              for (int i = 0; i < count; i++) {
                ExpertEntity e = expert(unit, "backlog-" + i + "-" + UUID.randomUUID() + "@x.test");
                experts.persist(e);
                notifications.persist(proposal(e, now));
                addresses.add(e.email);
              }
            });
    return addresses;
  }

  static ExpertEntity expert(String unit, String email) {
    ExpertEntity e = new ExpertEntity();
    e.id = UUID.randomUUID();
    e.businessUnit = unit;
    e.email = email;
    e.spec =
        new ExpertSpec(
            "Expert",
            email,
            unit,
            Set.of(),
            Language.EN,
            Set.of(Channel.EMAIL),
            0.5,
            null,
            "Europe/Berlin",
            null,
            20,
            null);
    e.version = 1;
    e.createdAt = Instant.now();
    e.updatedAt = e.createdAt;
    return e;
  }

  /** A {@code match.proposed} e-mail to the expert, as routing stores it, due now. */
  static NotificationEntity proposal(ExpertEntity expert, Instant now) {
    Map<String, Object> match =
        MatchEvents.match(expert.businessUnit, "PROPOSED", 0.7, expert.id.toString());
    ObjectNode payload = JSON.createObjectNode();
    payload.put("id", UUID.randomUUID().toString());
    payload.put("type", "match.proposed");
    payload.put("source", "/garagematch/matching-service");
    payload.put("time", now.toString());
    payload.put("subject", (String) match.get("id"));
    payload.set("data", JSON.valueToTree(match));
    NotificationEntity n = new NotificationEntity();
    n.id = UUID.randomUUID();
    n.eventId = payload.get("id").asText();
    n.eventType = "match.proposed";
    n.recipientKind = "EXPERT";
    n.recipientId = expert.id;
    n.businessUnit = expert.businessUnit;
    n.channel = Channel.EMAIL;
    n.matchId = UUID.fromString((String) match.get("id"));
    n.needId = UUID.fromString((String) match.get("needId"));
    n.applicationId = UUID.fromString((String) match.get("applicationId"));
    n.matchStatus = "PROPOSED";
    n.score = 0.7;
    n.payload = payload;
    n.createdAt = now;
    n.record(Delivery.queued(now, now));
    return n;
  }

  long sent(String unit) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                notifications.count(
                    "businessUnit = ?1 and status = ?2", unit, NotificationStatus.SENT));
  }

  /** A notification's entry in the delivery log. */
  record Logged(UUID id, int attempts, String lastError) {}

  /** The delivery log of each expert's notification, by the expert's address. */
  Map<String, Logged> deliveryLog(String unit) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<String, Logged> out = new HashMap<>();
              for (NotificationEntity n : notifications.list("businessUnit", unit)) {
                out.put(
                    experts.findById(n.recipientId).email,
                    new Logged(n.id, n.attempts, n.lastError));
              }
              return out;
            });
  }

  static String recipient(MimeMessage m) {
    try {
      return m.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
