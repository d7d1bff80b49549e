package io.garagematch.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.infra.TestTokens;
import io.garagematch.notifications.service.NotificationsConfig;
import io.garagematch.notifications.support.InboxStreamClient;
import io.garagematch.notifications.support.MatchEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The inbox stream over real Server-Sent Events, fed by match events over the real broker. */
@QuarkusTest
class LiveInboxTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject NotificationsConfig config;

  /** An in-app expert of the unit; returns their id. */
  static String inAppExpert(String unit) throws Exception {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("name", "Expert");
    e.put("email", "live-" + UUID.randomUUID() + "@example.com");
    e.put("businessUnit", unit);
    e.put("innovationFields", List.of("AUTOMATED_DRIVING"));
    e.put("language", "en");
    e.put("channels", List.of("IN_APP"));
    e.put("timeZone", "Europe/Berlin");
    String json =
        given()
            .header("Authorization", "Bearer " + TestTokens.forRole("admin", "ops"))
            .contentType(ContentType.JSON)
            .body(e)
            .post("/api/v1/experts")
            .then()
            .statusCode(201)
            .extract()
            .asString();
    return JSON.readTree(json).get("id").asText();
  }

  static List<String> matchIds(InboxStreamClient stream) throws Exception {
    List<String> ids = new ArrayList<>();
    for (String event : stream.events()) {
      JsonNode item = JSON.readTree(event);
      ids.add(item.get("matchId").asText());
    }
    return ids;
  }

  @RepeatedTest(10)
  void twoExpertsOfOneUnitEachReceiveExactlyTheItemsTheyOwnOnTheirStream() throws Exception {
    String unit = "BU-" + UUID.randomUUID();
    String first = inAppExpert(unit);
    String second = inAppExpert(unit);
    try (InboxStreamClient a = InboxStreamClient.open(first);
        InboxStreamClient b = InboxStreamClient.open(second)) {
      assertThat(a.status()).isEqualTo(200);
      assertThat(b.status()).isEqualTo(200);
      List<String> ownedByFirst = new ArrayList<>();
      List<String> ownedBySecond = new ArrayList<>();
      // twenty items for each stream
      for (int i = 0; i < 40; i++) {
        String owner = i % 2 == 0 ? first : second;
        Map<String, Object> match = MatchEvents.match(unit, "PROPOSED", 0.7, owner);
        MatchEvents.publish(
            bootstrapServers, UUID.randomUUID().toString(), "match.proposed", match);
        (owner.equals(first) ? ownedByFirst : ownedBySecond).add((String) match.get("id"));
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(matchIds(a)).containsExactlyInAnyOrderElementsOf(ownedByFirst);
                assertThat(matchIds(b)).containsExactlyInAnyOrderElementsOf(ownedBySecond);
              });
      System.out.printf(
          "two experts of one unit: %d and %d of %d items over SSE%n",
          a.events().size(), b.events().size(), ownedByFirst.size() + ownedBySecond.size());
    }
  }

  @Test
  void theStreamBeyondTheCapIsRefusedWith429WhileAnotherExpertCanStillOpenOne() throws Exception {
    String unit = "BU-" + UUID.randomUUID();
    String busy = inAppExpert(unit);
    String other = inAppExpert(unit);
    int cap = config.inbox().maxStreamsPerExpert();
    List<InboxStreamClient> open = new CopyOnWriteArrayList<>();
    try {
      for (int i = 0; i < cap; i++) {
        open.add(InboxStreamClient.open(busy));
        assertThat(open.get(i).status()).isEqualTo(200);
      }
      InboxStreamClient refused = InboxStreamClient.open(busy);
      open.add(refused);
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      await().atMost(Duration.ofSeconds(5)).until(refused::ended);
      JsonNode problem = JSON.readTree(refused.body());
      assertThat(problem.get("type").asText())
          .isEqualTo("urn:garagematch:problem:too-many-streams");
      assertThat(problem.get("status").asInt()).isEqualTo(429);

      InboxStreamClient others = InboxStreamClient.open(other);
      open.add(others);
      assertThat(others.status()).isEqualTo(200);
    } finally {
      open.forEach(InboxStreamClient::close);
    }
  }

  @Test
  void aClosedStreamGivesItsPlaceBack() throws Exception {
    String expert = inAppExpert("BU-" + UUID.randomUUID());
    List<InboxStreamClient> open = new CopyOnWriteArrayList<>();
    try {
      for (int i = 0; i < config.inbox().maxStreamsPerExpert(); i++) {
        open.add(InboxStreamClient.open(expert));
        assertThat(open.get(i).status()).isEqualTo(200);
      }
      open.get(0).close();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                InboxStreamClient again = InboxStreamClient.open(expert);
                open.add(again);
                assertThat(again.status()).isEqualTo(200);
              });
    } finally {
      open.forEach(InboxStreamClient::close);
    }
  }
}
