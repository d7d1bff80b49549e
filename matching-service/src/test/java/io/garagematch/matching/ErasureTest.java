package io.garagematch.matching;

import static io.garagematch.matching.MatchingFlowTest.UNIT;
import static io.garagematch.matching.MatchingFlowTest.as;
import static io.garagematch.matching.MatchingFlowTest.chineseDriverMonitoringStartup;
import static io.garagematch.matching.MatchingFlowTest.driverMonitoringNeed;
import static io.garagematch.matching.MatchingFlowTest.openNeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.garagematch.contracts.AllEvents;
import io.garagematch.infra.EventPublisher;
import io.garagematch.infra.TopicReader;
import io.garagematch.platform.testing.Contracts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * After {@code application.erased} the startup leaves rankings, its open matches are withdrawn
 * without its identity, nothing of it stays in the outbox, later events of it change nothing, and
 * matching confirms the erasure.
 */
@QuarkusTest
class ErasureTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject AgroalDataSource dataSource;

  @Test
  void anErasedStartupLeavesRankingsAndNothingOfItIsEmittedOrKept() throws Exception {
    String needId = openNeed(driverMonitoringNeed());
    UUID app = UUID.randomUUID();
    Map<String, Object> startup = chineseDriverMonitoringStartup(app, 1, "SUBMITTED", 7);
    String name = (String) startup.get("name");
    publish("submitted", app, JSON.writeValueAsString(startup));
    await().atMost(Duration.ofSeconds(30)).until(() -> ranked(needId, app));

    String erased =
        JSON.writeValueAsString(
            Map.of(
                "id",
                app.toString(),
                "partnerId",
                "acme-incubator",
                "version",
                2,
                "status",
                "SUBMITTED",
                "erasedAt",
                Instant.now().toString()));
    assertThat(Contracts.eventViolations("application.erased", erased)).isEmpty();
    publish("erased", app, erased);

    List<ConsumerRecord<String, String>> confirmations =
        new TopicReader(bootstrapServers).byKey("erasure-confirmations", app.toString(), 1);
    assertThat(confirmations).hasSize(1);
    assertThat(Contracts.eventViolations("erasure.completed", confirmations.get(0).value()))
        .isEmpty();
    assertThat(JSON.readTree(confirmations.get(0).value()).get("service").asText())
        .isEqualTo("matching-service");
    assertThat(ranked(needId, app)).as("out of the ranking").isFalse();

    List<ConsumerRecord<String, String>> withdrawn =
        new TopicReader(bootstrapServers)
            .read(
                "match-events",
                r ->
                    needId.equals(r.key())
                        && r.value().contains(app.toString())
                        && "io.garagematch.match.withdrawn.v1"
                            .equals(TopicReader.header(r, "ce_type")),
                1,
                Duration.ofSeconds(20),
                Duration.ofSeconds(1));
    assertThat(withdrawn).hasSize(1);
    JsonNode data = JSON.readTree(withdrawn.get(0).value());
    assertThat(data.get("startup").isNull()).isTrue();
    assertThat(Contracts.eventViolations("match.withdrawn", withdrawn.get(0).value())).isEmpty();
    assertThat(outboxRowsNaming(name)).as("outbox rows still naming the startup").isZero();

    // a change of the need, and a late update of the startup, bring nothing of it back
    publish(
        "updated",
        app,
        JSON.writeValueAsString(chineseDriverMonitoringStartup(app, 3, "SUBMITTED", 8)));
    as("bu-staff", UNIT)
        .header("If-Match", "\"1\"")
        .body(driverMonitoringNeed())
        .put("/api/v1/needs/" + needId)
        .then()
        .statusCode(200);
    List<ConsumerRecord<String, String>> after =
        new TopicReader(bootstrapServers)
            .read(
                "match-events",
                r ->
                    needId.equals(r.key())
                        && r.value().contains(app.toString())
                        && r.offset() > withdrawn.get(0).offset(),
                99,
                Duration.ofSeconds(5),
                Duration.ofSeconds(3));
    assertThat(after).noneMatch(r -> r.value().contains(name));
    assertThat(after).noneMatch(r -> r.value().contains((String) startup.get("pitch")));
    assertThat(ranked(needId, app)).isFalse();
    assertThat(outboxRowsNaming(name)).isZero();
  }

  boolean ranked(String needId, UUID app) {
    List<String> ids =
        as("bu-staff", UNIT)
            .get("/api/v1/needs/" + needId + "/matches?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .path("items.applicationId");
    return ids.contains(app.toString());
  }

  int outboxRowsNaming(String name) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("select count(*) from outbox_event where data::text like ?")) {
      q.setString(1, "%" + name + "%");
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  void publish(String change, UUID app, String data) throws Exception {
    try (EventPublisher events = new EventPublisher(bootstrapServers)) {
      events.publish(
          "startup-applications",
          app.toString(),
          UUID.randomUUID().toString(),
          AllEvents.named("application." + change).type(),
          "/garagematch/applications-service",
          null,
          data);
    }
  }
}
