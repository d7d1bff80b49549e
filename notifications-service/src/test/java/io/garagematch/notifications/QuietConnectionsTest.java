package io.garagematch.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.garagematch.notifications.support.InboxStreamClient;
import io.garagematch.notifications.support.MatchEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A connection that says nothing is closed after the idle timeout, while an inbox stream with
 * nothing to say stays open past it: its heartbeats keep it alive.
 */
@QuarkusTest
@TestProfile(QuietConnectionsTest.ShortIdleTimeout.class)
class QuietConnectionsTest {

  public static class ShortIdleTimeout implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.http.idle-timeout", "2S",
          "garagematch.notifications.inbox.heartbeat", "500MS");
    }
  }

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout() throws Exception {
    try (Socket silent = new Socket("localhost", RestAssured.port)) {
      silent.setSoTimeout(15_000);
      long opened = System.nanoTime();
      InputStream in = silent.getInputStream();
      assertThat(in.read()).as("the server closes the connection").isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - opened))
          .isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(10));
    }
  }

  @Test
  void aQuietInboxStreamOutlivesTheIdleTimeoutAndStillDeliversItems() throws Exception {
    String unit = "BU-" + UUID.randomUUID();
    String expert = LiveInboxTest.inAppExpert(unit);
    try (InboxStreamClient stream = InboxStreamClient.open(expert)) {
      assertThat(stream.status()).isEqualTo(200);
      // three idle timeouts without an item
      await()
          .during(Duration.ofSeconds(6))
          .atMost(Duration.ofSeconds(7))
          .until(() -> !stream.ended());
      assertThat(stream.comments()).hasSizeGreaterThanOrEqualTo(6).allMatch(":heartbeat"::equals);
      assertThat(stream.events()).isEmpty();

      Map<String, Object> match = MatchEvents.match(unit, "PROPOSED", 0.7, expert);
      MatchEvents.publish(bootstrapServers, UUID.randomUUID().toString(), "match.proposed", match);
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(LiveInboxTest.matchIds(stream))
                      .containsExactly((String) match.get("id")));
    }
  }
}
