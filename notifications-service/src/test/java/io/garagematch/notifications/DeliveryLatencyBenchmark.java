package io.garagematch.notifications;

import static io.garagematch.notifications.DeliveryFlowTest.JSON;
import static io.garagematch.notifications.DeliveryFlowTest.createExpert;
import static io.garagematch.notifications.DeliveryFlowTest.expert;
import static io.garagematch.notifications.DeliveryFlowTest.id;
import static io.garagematch.notifications.DeliveryFlowTest.mailTo;
import static io.garagematch.notifications.DeliveryFlowTest.subscribe;
import static io.garagematch.notifications.DeliveryFlowTest.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.garagematch.notifications.support.InboxStreamClient;
import io.garagematch.notifications.support.MatchEvents;
import io.garagematch.notifications.support.SmtpServer;
import io.garagematch.notifications.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How fast notifications go out, over the real broker, a real SMTP server and a real HTTP receiver
 * (all in or beside the test JVM, as in {@link DeliveryFlowTest}). Prints its figures for
 * docs/performance.md and asserts only that each probe saw what it measures. Its name keeps it out
 * of the build's test run; run it by hand:
 *
 * <pre>
 * ./mvnw -B verify -pl notifications-service -am -Dtest=DeliveryLatencyBenchmark \
 *   -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * {@link DeliveryFlowTest} asserts on two of the probes (a hanging receiver, the inbox stream).
 */
@QuarkusTest
class DeliveryLatencyBenchmark {

  static final WebhookReceiver RECEIVER = new WebhookReceiver();

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @BeforeAll
  static void machine() {
    System.out.printf(
        "java %s, %d cores, max heap %d MiB%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  /**
   * Event by event, the time from a match event's creation (its ce_time) to the e-mail's arrival at
   * the SMTP server and to the webhook's arrival at the receiver; p50 / p99 over 40 events. Every
   * event must arrive exactly once on each channel.
   */
  @Test
  void fromMatchEventToSmtpAndWebhook() throws Exception {
    String unit = unit();
    String path = "/hooks/" + unit;
    JsonNode expert = createExpert(expert(unit, "en", List.of("EMAIL")));
    String address = expert.get("email").asText();
    subscribe(RECEIVER, unit, path, List.of("match.proposed"));
    int events = 40;
    int before = SmtpServer.received().size();
    List<Duration> smtp = new ArrayList<>();
    List<Duration> webhook = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      int expected = i + 1;
      MatchEvents.publish(
          bootstrapServers,
          UUID.randomUUID().toString(),
          "match.proposed",
          MatchEvents.match(unit, "PROPOSED", 0.7, id(expert)));
      assertThat(SmtpServer.waitForMessages(before + expected, 30_000))
          .as("e-mail %d arrived", expected)
          .isTrue();
      Instant mailAt = Instant.now();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> RECEIVER.received(path).size() == expected);
      WebhookReceiver.Received hook = RECEIVER.received(path).get(i);
      Instant created = Instant.parse(JSON.readTree(hook.body()).get("time").asText());
      webhook.add(Duration.between(created, hook.at()));
      smtp.add(Duration.between(created, mailAt));
    }
    await("no e-mail or webhook twice")
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> mailTo(address).size() == events && RECEIVER.received(path).size() == events);
    System.out.printf(
        "delivery latency over %d events: SMTP p50 %d ms, p99 %d ms; webhook p50 %d ms, p99 %d ms%n",
        events,
        percentile(smtp, 50),
        percentile(smtp, 99),
        percentile(webhook, 50),
        percentile(webhook, 99));
  }

  @Test
  void inboxItemOverServerSentEvents() throws Exception {
    List<Duration> latencies = inboxStreamLatencies(bootstrapServers, 20);
    System.out.printf(
        "inbox item over SSE after the event was published, %d events: p50 %d ms, p99 %d ms;"
            + " each %s ms%n",
        latencies.size(), percentile(latencies, 50), percentile(latencies, 99), millis(latencies));
  }

  @Test
  void webhookToAHealthyReceiverWhileAnotherHangs() throws Exception {
    BesideAHangingReceiver run = besideAHangingReceiver(RECEIVER, bootstrapServers, 5);
    System.out.printf(
        "webhook to a healthy receiver while another hangs (timeout 2 s): latencies %s ms;"
            + " after the request to the hanging one %s ms%n",
        millis(run.latencies()), millis(run.afterTheHangingOne()));
  }

  /**
   * Per event, the time from a match event's publication until its inbox item arrives on the
   * owner's open stream (seen within a millisecond). One event first warms the path up (class
   * loading, first queries) and is not counted.
   */
  static List<Duration> inboxStreamLatencies(String bootstrapServers, int events) throws Exception {
    String unit = unit();
    String expertId = id(createExpert(expert(unit, "en", List.of("IN_APP"))));
    List<Duration> latencies = new ArrayList<>();
    try (InboxStreamClient stream = InboxStreamClient.open(expertId)) {
      assertThat(stream.status()).as("the stream is open").isEqualTo(200);
      for (int i = 0; i <= events; i++) {
        Map<String, Object> match = MatchEvents.match(unit, "PROPOSED", 0.6, expertId);
        Instant published = Instant.now();
        MatchEvents.publish(
            bootstrapServers, UUID.randomUUID().toString(), "match.proposed", match);
        int expected = i + 1;
        await()
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(1))
            .atMost(Duration.ofSeconds(10))
            .until(() -> stream.events().size() == expected);
        Duration latency = Duration.between(published, Instant.now());
        JsonNode item = JSON.readTree(stream.events().get(i));
        assertThat(item.get("matchId").asText()).isEqualTo(match.get("id"));
        assertThat(item.get("expertId").asText()).isEqualTo(expertId);
        if (i > 0) {
          latencies.add(latency);
        }
      }
    }
    return latencies;
  }

  /**
   * Per event, how long a webhook took to reach a healthy receiver, and how long after the same
   * event's request to a receiver that hangs until its timeout (when that request was sent: the
   * hanging receiver's breaker may be open).
   */
  record BesideAHangingReceiver(List<Duration> latencies, List<Duration> afterTheHangingOne) {}

  static BesideAHangingReceiver besideAHangingReceiver(
      WebhookReceiver receiver, String bootstrapServers, int events) throws Exception {
    String unit = unit();
    String slow = "/hooks/" + unit + "/hangs";
    String fast = "/hooks/" + unit + "/fast";
    receiver.hanging(slow);
    subscribe(receiver, unit, slow, List.of("match.proposed"));
    subscribe(receiver, unit, fast, List.of("match.proposed"));
    List<Duration> latencies = new ArrayList<>();
    List<Duration> afterTheHangingOne = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      String eventId = UUID.randomUUID().toString();
      MatchEvents.publish(
          bootstrapServers, eventId, "match.proposed", MatchEvents.match(unit, "PROPOSED", 0.7));
      int expected = i + 1;
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> receiver.received(fast).size() == expected);
      WebhookReceiver.Received got = receiver.received(fast).get(i);
      latencies.add(
          Duration.between(
              Instant.parse(JSON.readTree(got.body()).get("time").asText()), got.at()));
      for (WebhookReceiver.Received held : receiver.received(slow)) {
        if (JSON.readTree(held.body()).get("id").asText().equals(eventId)) {
          afterTheHangingOne.add(Duration.between(held.at(), got.at()));
          break;
        }
      }
    }
    return new BesideAHangingReceiver(latencies, afterTheHangingOne);
  }

  static long percentile(List<Duration> values, int p) {
    List<Duration> sorted = values.stream().sorted().toList();
    return sorted
        .get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1))
        .toMillis();
  }

  static List<Long> millis(List<Duration> values) {
    return values.stream().map(Duration::toMillis).toList();
  }
}
