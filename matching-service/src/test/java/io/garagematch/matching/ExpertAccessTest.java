package io.garagematch.matching;

import static io.garagematch.matching.MatchingFlowTest.UNIT;
import static io.garagematch.matching.MatchingFlowTest.chineseDriverMonitoringStartup;
import static io.garagematch.matching.MatchingFlowTest.driverMonitoringNeed;
import static io.garagematch.matching.MatchingFlowTest.openNeed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Experts act only within the business units their token names, and only as an expert that
 * notifications-service registered (announced on {@code expert-events}); to anyone else another
 * unit's need or match is not found, and a decision they try is never emitted.
 */
@QuarkusTest
class ExpertAccessTest {

  static final String OTHER_UNIT = "Purchasing – Battery Cells";
  static final ObjectMapper JSON = new ObjectMapper();

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  static RequestSpecification asExpert(String expertId, String... units) {
    return given()
        .filter(Contracts.openApi("matching-service"))
        .header("Authorization", "Bearer " + TestTokens.forExpert(expertId, units))
        .contentType(ContentType.JSON);
  }

  @Test
  void aRegisteredExpertDecidesOnItsOwnUnitsMatchesOnly() throws Exception {
    String needId = openNeed(driverMonitoringNeed());
    String matchId = proposedMatch(needId);
    String own = register(UNIT);
    String other = register(OTHER_UNIT);

    asExpert(other, OTHER_UNIT).get("/api/v1/needs/" + needId).then().statusCode(404);
    asExpert(other, OTHER_UNIT)
        .body(Map.of("decision", "REJECTED", "reasonCode", "NOT_RELEVANT"))
        .post("/api/v1/matches/" + matchId + "/decisions")
        .then()
        .statusCode(404);
    // naming the unit in the token is not enough: the expert belongs to another unit
    asExpert(other, UNIT, OTHER_UNIT)
        .body(Map.of("decision", "REJECTED", "reasonCode", "NOT_RELEVANT"))
        .post("/api/v1/matches/" + matchId + "/decisions")
        .then()
        .statusCode(404);

    asExpert(own, UNIT)
        .body(Map.of("decision", "SHORTLISTED"))
        .post("/api/v1/matches/" + matchId + "/decisions")
        .then()
        .statusCode(201)
        .body("status", equalTo("SHORTLISTED"));
    var decided =
        new TopicReader(bootstrapServers)
            .read(
                "match-events",
                r ->
                    needId.equals(r.key())
                        && "io.garagematch.match.decided.v1"
                            .equals(TopicReader.header(r, "ce_type")),
                2,
                Duration.ofSeconds(10),
                Duration.ofSeconds(3));
    assertThat(decided).as("only the own unit's expert's decision is emitted").hasSize(1);
    assertThat(decided.get(0).value()).contains("SHORTLISTED").doesNotContain("NOT_RELEVANT");
  }

  @Test
  void anExpertIdThatBelongsToNoExpertActsForNothing() {
    String needId = openNeed(driverMonitoringNeed());
    String nobody = UUID.randomUUID().toString();
    asExpert(nobody, UNIT).get("/api/v1/needs/" + needId).then().statusCode(404);
    asExpert(nobody, UNIT).get("/api/v1/needs").then().statusCode(200).body("items", hasSize(0));
    asExpert("not-a-uuid", UNIT).get("/api/v1/needs/" + needId).then().statusCode(404);
  }

  @Test
  void aRemovedExpertNoLongerActs() throws Exception {
    String needId = openNeed(driverMonitoringNeed());
    String expert = register(UNIT);
    announce(expert, "removed", UNIT, 2);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                asExpert(expert, UNIT).get("/api/v1/needs/" + needId).then().extract().statusCode()
                    == 404);
  }

  /** Announces a new expert of {@code unit} and waits until this service knows it. */
  String register(String unit) throws Exception {
    String id = UUID.randomUUID().toString();
    announce(id, "registered", unit, 1);
    String probe =
        MatchingFlowTest.as("bu-staff", unit)
            .body(needOf(unit))
            .post("/api/v1/needs")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                asExpert(id, unit).get("/api/v1/needs/" + probe).then().extract().statusCode()
                    == 200);
    return id;
  }

  void announce(String id, String change, String unit, int version) throws Exception {
    String data =
        JSON.writeValueAsString(Map.of("id", id, "businessUnit", unit, "version", version));
    assertThat(Contracts.eventViolations("expert." + change, data)).isEmpty();
    try (EventPublisher events = new EventPublisher(bootstrapServers)) {
      events.publish(
          "expert-events",
          id,
          UUID.randomUUID().toString(),
          AllEvents.named("expert." + change).type(),
          "/garagematch/notifications-service",
          null,
          data);
    }
  }

  static Map<String, Object> needOf(String unit) {
    Map<String, Object> need = driverMonitoringNeed();
    need.put("businessUnit", unit);
    return need;
  }

  String proposedMatch(String needId) throws Exception {
    UUID app = UUID.randomUUID();
    String data = JSON.writeValueAsString(chineseDriverMonitoringStartup(app, 1, "SUBMITTED", 7));
    try (EventPublisher events = new EventPublisher(bootstrapServers)) {
      events.publish(
          "startup-applications",
          app.toString(),
          UUID.randomUUID().toString(),
          "io.garagematch.application.submitted.v1",
          "/garagematch/applications-service",
          null,
          data);
    }
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                MatchingFlowTest.as("bu-staff", UNIT)
                    .get("/api/v1/needs/" + needId + "/matches?limit=50")
                    .then()
                    .extract()
                    .<String>path("items.find { it.applicationId == '" + app + "' }.id"),
            id -> id != null);
  }
}
