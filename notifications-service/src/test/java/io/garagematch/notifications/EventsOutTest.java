package io.garagematch.notifications;

import static io.garagematch.notifications.DeliveryFlowTest.as;
import static io.garagematch.notifications.DeliveryFlowTest.createExpert;
import static io.garagematch.notifications.DeliveryFlowTest.expert;
import static io.garagematch.notifications.DeliveryFlowTest.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.contracts.AllEvents;
import io.garagematch.infra.TopicReader;
import io.garagematch.notifications.support.MatchEvents;
import io.garagematch.platform.testing.Contracts;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What notifications-service publishes: its experts directory on {@code expert-events} (no personal
 * data), and its confirmation of an erasure on {@code erasure-confirmations}, after which nothing
 * new is told about the erased startup.
 */
@QuarkusTest
class EventsOutTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void registeringChangingAndRemovingAnExpertIsAnnouncedWithoutPersonalData() throws Exception {
    String unit = unit();
    Map<String, Object> body = expert(unit, "de", List.of("IN_APP"));
    String id = createExpert(body).get("id").asText();
    as("admin", "ops").delete("/api/v1/experts/" + id).then().statusCode(204);

    List<ConsumerRecord<String, String>> events =
        new TopicReader(bootstrapServers).byKey("expert-events", id, 2);
    assertThat(events)
        .extracting(r -> TopicReader.header(r, "ce_type"))
        .containsExactly("io.garagematch.expert.registered.v1", "io.garagematch.expert.removed.v1");
    for (ConsumerRecord<String, String> r : events) {
      String type = AllEvents.named(TopicReader.header(r, "ce_type")).name();
      assertThat(Contracts.eventViolations(type, r.value())).isEmpty();
      assertThat(r.value()).contains(unit).doesNotContain((String) body.get("email"));
    }
    assertThat(JSON.readTree(events.get(1).value()).get("version").asInt())
        .isGreaterThan(JSON.readTree(events.get(0).value()).get("version").asInt());
  }

  @Test
  void anErasureIsConfirmedAndNothingNewIsToldAboutTheErasedStartup() throws Exception {
    String unit = unit();
    String expertId = createExpert(expert(unit, "en", List.of("IN_APP"))).get("id").asText();
    Map<String, Object> first = MatchEvents.match(unit, "PROPOSED", 0.7, expertId);
    String applicationId = (String) first.get("applicationId");
    MatchEvents.publish(bootstrapServers, UUID.randomUUID().toString(), "match.proposed", first);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                as("expert", expertId)
                    .get("/api/v1/experts/" + expertId + "/inbox")
                    .then()
                    .body("items", hasSize(1)));

    MatchEvents.publishErased(bootstrapServers, applicationId);
    List<ConsumerRecord<String, String>> confirmations =
        new TopicReader(bootstrapServers).byKey("erasure-confirmations", applicationId, 1);
    assertThat(confirmations).hasSize(1);
    assertThat(Contracts.eventViolations("erasure.completed", confirmations.get(0).value()))
        .isEmpty();
    JsonNode confirmation = JSON.readTree(confirmations.get(0).value());
    assertThat(confirmation.get("service").asText()).isEqualTo("notifications-service");

    // a proposal matching sent before it learnt of the erasure arrives now: nobody is told
    Map<String, Object> late = MatchEvents.match(unit, "PROPOSED", 0.8, expertId);
    late.put("applicationId", applicationId);
    MatchEvents.publish(bootstrapServers, UUID.randomUUID().toString(), "match.proposed", late);
    Map<String, Object> marker = MatchEvents.match(unit, "PROPOSED", 0.75, expertId);
    MatchEvents.publish(bootstrapServers, UUID.randomUUID().toString(), "match.proposed", marker);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                as("expert", expertId)
                    .get("/api/v1/experts/" + expertId + "/inbox")
                    .then()
                    .body("items.applicationId", hasSize(2)));
    String inbox =
        as("expert", expertId)
            .get("/api/v1/experts/" + expertId + "/inbox")
            .then()
            .extract()
            .asString();
    assertThat(inbox).doesNotContain((String) late.get("id")).contains((String) marker.get("id"));
    for (JsonNode item : JSON.readTree(inbox).get("items")) {
      if (item.get("matchId").asText().equals(first.get("id"))) {
        assertThat(item.get("startupName").asText()).isEqualTo("[erased]");
      }
    }
  }
}
