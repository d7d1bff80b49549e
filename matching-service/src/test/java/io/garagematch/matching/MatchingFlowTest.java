package io.garagematch.matching;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.contracts.AllEvents;
import io.garagematch.infra.EventPublisher;
import io.garagematch.infra.TestTokens;
import io.garagematch.infra.TopicReader;
import io.garagematch.platform.testing.Contracts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Over the real broker: application events in (as applications-service publishes them, checked
 * against their schemas), match events out (checked against theirs).
 */
@QuarkusTest
class MatchingFlowTest {

  static final String UNIT = "R&D Center China – Digital Car";
  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  static RequestSpecification as(String role, String subject) {
    return given()
        .filter(Contracts.openApi("matching-service"))
        .header("Authorization", "Bearer " + TestTokens.forRole(role, subject))
        .contentType(ContentType.JSON);
  }

  static Map<String, Object> driverMonitoringNeed() {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("businessUnit", UNIT);
    n.put("language", "en");
    n.put(
        "title", "Camera-based driver monitoring for fatigue and distraction " + UUID.randomUUID());
    n.put(
        "problemStatement",
        "Our next cockpit generation for China needs an infrared camera system that detects driver drowsiness"
            + " and distraction in real time, also at night, and warns within 500 ms.");
    n.put("keywords", List.of("driver monitoring", "drowsiness detection", "infrared camera"));
    n.put("innovationFields", List.of("AUTOMATED_DRIVING"));
    n.put("minTrl", 6);
    n.put("regions", List.of("CN"));
    n.put("matchThreshold", 0.4);
    return n;
  }

  static String openNeed(Map<String, Object> need) {
    return as("bu-staff", UNIT)
        .body(need)
        .post("/api/v1/needs")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** An application snapshot as applications-service publishes it. */
  static Map<String, Object> chineseDriverMonitoringStartup(
      UUID id, int version, String status, int trl) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("id", id.toString());
    a.put("partnerId", "acme-incubator");
    a.put("version", version);
    a.put("status", status);
    a.put("createdAt", "2026-11-01T08:00:00Z");
    a.put("updatedAt", Instant.now().toString());
    a.put("erasedAt", null);
    a.put("externalRef", null);
    a.put("name", "睿眼科技 " + id.toString().substring(0, 8));
    a.put("registrationId", null);
    a.put("website", null);
    a.put("country", "CN");
    a.put("city", "Shanghai");
    a.put("foundedYear", 2020);
    a.put("employees", 40);
    a.put("language", "zh");
    a.put("pitch", "基于红外摄像头的驾驶员监测系统，实时识别疲劳驾驶和分心驾驶。");
    a.put("description", "算法在夜间仍能准确检测驾驶员闭眼和打哈欠，报警延迟低于300毫秒。");
    a.put("technologies", List.of("驾驶员监测", "红外摄像头", "疲劳检测"));
    a.put("innovationFields", List.of("ARTIFICIAL_INTELLIGENCE"));
    a.put("trl", trl);
    a.put("fundingStage", "SERIES_A");
    a.put("seekingFinancing", false);
    a.put("requestedSupport", List.of("PILOT_PROJECT"));
    return a;
  }

  void publish(String eventId, String change, Map<String, Object> snapshot) throws Exception {
    String data = JSON.writeValueAsString(snapshot);
    assertThat(Contracts.eventViolations("application." + change, data)).isEmpty();
    publishRaw(
        eventId,
        AllEvents.named("application." + change).type(),
        (String) snapshot.get("id"),
        data);
  }

  void publishRaw(String eventId, String type, String key, String data) throws Exception {
    try (EventPublisher events = new EventPublisher(bootstrapServers)) {
      events.publish(
          "startup-applications",
          key,
          eventId,
          type,
          "/garagematch/applications-service",
          null,
          data);
    }
  }

  List<ConsumerRecord<String, String>> matchEvents(
      String needId, String applicationId, int expected) {
    return new TopicReader(bootstrapServers)
        .read(
            "match-events",
            r -> needId.equals(r.key()) && r.value().contains(applicationId),
            expected,
            Duration.ofSeconds(30),
            Duration.ofSeconds(2));
  }

  @Test
  void chineseStartupIsProposedForAnEnglishNeedAndWithdrawnWithIt() throws Exception {
    String needId = openNeed(driverMonitoringNeed());
    List<ConsumerRecord<String, String>> needEvents =
        new TopicReader(bootstrapServers).byKey("need-events", needId, 1);
    assertThat(TopicReader.header(needEvents.get(0), "ce_type"))
        .isEqualTo("io.garagematch.need.opened.v1");
    assertThat(Contracts.eventViolations("need.opened", needEvents.get(0).value())).isEmpty();

    UUID app = UUID.randomUUID();
    publish(
        UUID.randomUUID().toString(),
        "submitted",
        chineseDriverMonitoringStartup(app, 1, "SUBMITTED", 7));

    List<ConsumerRecord<String, String>> proposed = matchEvents(needId, app.toString(), 1);
    assertThat(proposed).hasSize(1);
    assertThat(TopicReader.header(proposed.get(0), "ce_type"))
        .isEqualTo("io.garagematch.match.proposed.v1");
    assertThat(Contracts.eventViolations("match.proposed", proposed.get(0).value())).isEmpty();
    JsonNode match = JSON.readTree(proposed.get(0).value());
    assertThat(match.at("/breakdown/2/evidence/matched").toString()).contains("driver-monitoring");
    assertThat(proposed.get(0).value()).doesNotContain("li.wang@ruiyan.example.cn");

    as("bu-staff", UNIT)
        .get("/api/v1/needs/" + needId + "/matches?limit=50")
        .then()
        .statusCode(200)
        // other tests' startups say the same: the tie may rank any of them first
        .body("items.find { it.applicationId == '" + app + "' }.status", equalTo("PROPOSED"))
        .body("items[0].rank", equalTo(1))
        .body(
            "items.find { it.applicationId == '"
                + app
                + "' }.hardChecks.find { it.rule == 'minTrl' }.passed",
            equalTo(true));

    publish(
        UUID.randomUUID().toString(),
        "withdrawn",
        chineseDriverMonitoringStartup(app, 2, "WITHDRAWN", 7));

    List<ConsumerRecord<String, String>> events = matchEvents(needId, app.toString(), 2);
    assertThat(events)
        .extracting(e -> TopicReader.header(e, "ce_type"))
        .containsExactly("io.garagematch.match.proposed.v1", "io.garagematch.match.withdrawn.v1");
    assertThat(Contracts.eventViolations("match.withdrawn", events.get(1).value())).isEmpty();
  }

  @Test
  void theSameEventDeliveredThreeTimesProposesOnce() throws Exception {
    String needId = openNeed(driverMonitoringNeed());
    UUID app = UUID.randomUUID();
    String eventId = UUID.randomUUID().toString();
    Map<String, Object> snapshot = chineseDriverMonitoringStartup(app, 1, "SUBMITTED", 7);

    for (int i = 0; i < 3; i++) {
      publish(eventId, "submitted", snapshot);
    }

    assertThat(matchEvents(needId, app.toString(), 1)).hasSize(1);
  }

  @Test
  void startupBelowTheMinimumTrlIsNeverProposed() throws Exception {
    String needId = openNeed(driverMonitoringNeed());
    UUID early = UUID.randomUUID();
    UUID ready = UUID.randomUUID();

    publish(
        UUID.randomUUID().toString(),
        "submitted",
        chineseDriverMonitoringStartup(early, 1, "SUBMITTED", 4));
    publish(
        UUID.randomUUID().toString(),
        "submitted",
        chineseDriverMonitoringStartup(ready, 1, "SUBMITTED", 7));

    assertThat(matchEvents(needId, ready.toString(), 1)).hasSize(1);
    assertThat(matchEvents(needId, early.toString(), 0)).isEmpty();
    as("bu-staff", UNIT)
        .get("/api/v1/needs/" + needId + "/matches?limit=50")
        .then()
        .statusCode(200)
        .body(
            "items.applicationId",
            org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(early.toString())));
  }

  @Test
  void poisonRecordGoesToTheDeadLetterTopicWithTheReason() throws Exception {
    String key = UUID.randomUUID().toString();

    publishRaw(
        UUID.randomUUID().toString(), "io.garagematch.application.submitted.v1", key, "{not json");

    List<ConsumerRecord<String, String>> dead =
        new TopicReader(bootstrapServers).byKey("startup-applications.dlq", key, 1);
    assertThat(dead).hasSize(1);
    assertThat(TopicReader.header(dead.get(0), "dead-letter-reason")).contains("unreadable data");
  }

  @Test
  void aDecisionMovesTheMatchOnAndIsAnnounced() throws Exception {
    String needId = openNeed(driverMonitoringNeed());
    UUID app = UUID.randomUUID();
    publish(
        UUID.randomUUID().toString(),
        "submitted",
        chineseDriverMonitoringStartup(app, 1, "SUBMITTED", 7));
    await().atMost(Duration.ofSeconds(30)).until(() -> matchId(needId, app) != null);
    String matchId = matchId(needId, app);

    as("bu-staff", UNIT)
        .body(Map.of("decision", "REJECTED"))
        .post("/api/v1/matches/" + matchId + "/decisions")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("reasonCode"));
    as("bu-staff", UNIT)
        .body(Map.of("decision", "ACCEPTED"))
        .post("/api/v1/matches/" + matchId + "/decisions")
        .then()
        .statusCode(201)
        .body("status", equalTo("ACCEPTED"));

    List<ConsumerRecord<String, String>> events = matchEvents(needId, app.toString(), 2);
    ConsumerRecord<String, String> decided = events.get(events.size() - 1);
    assertThat(TopicReader.header(decided, "ce_type")).isEqualTo("io.garagematch.match.decided.v1");
    assertThat(Contracts.eventViolations("match.decided", decided.value())).isEmpty();
  }

  @Test
  void businessUnitStaffSeeAndChangeOnlyTheirUnitsNeeds() {
    String needId = openNeed(driverMonitoringNeed());
    Map<String, Object> otherUnits = driverMonitoringNeed();
    otherUnits.put("businessUnit", "Purchasing – Battery Cells");

    as("bu-staff", "Purchasing – Battery Cells")
        .get("/api/v1/needs/" + needId)
        .then()
        .statusCode(404);
    as("bu-staff", UNIT)
        .body(otherUnits)
        .post("/api/v1/needs")
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:garagematch:problem:business-unit-not-yours"));
    as("partner", "acme").get("/api/v1/needs/" + needId).then().statusCode(403);
    Map<String, Object> nul = driverMonitoringNeed();
    nul.put("title", "Driver\u0000monitoring");
    as("bu-staff", UNIT)
        .body(nul)
        .post("/api/v1/needs")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("title"));
    as("bu-staff", UNIT)
        .header("If-Match", "\"1\"")
        .body(driverMonitoringNeed())
        .put("/api/v1/needs/" + needId)
        .then()
        .statusCode(200)
        .body("version", equalTo(2));
    as("bu-staff", UNIT)
        .post("/api/v1/needs/" + needId + "/closure")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"));
  }

  private String matchId(String needId, UUID app) {
    return as("bu-staff", UNIT)
        .get("/api/v1/needs/" + needId + "/matches?limit=50")
        .then()
        .statusCode(200)
        .extract()
        .path("items.find { it.applicationId == '" + app + "' }.id");
  }
}
