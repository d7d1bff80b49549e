package io.garagematch.applications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.infra.EventPublisher;
import io.garagematch.infra.TestTokens;
import io.garagematch.platform.testing.Contracts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A startup's contact is released to its partner, to staff of a business unit once that unit's
 * match on it is accepted (learnt from match-events), and to admins; to nobody after an erasure.
 */
@QuarkusTest
class ContactReleaseTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  static RequestSpecification as(String role, String subject) {
    return given()
        .filter(Contracts.openApi("applications-service"))
        .header("Authorization", "Bearer " + TestTokens.forRole(role, subject))
        .contentType(ContentType.JSON);
  }

  @Test
  void theContactIsReleasedToTheUnitWhoseMatchWasAcceptedAndToNobodyAfterAnErasure()
      throws Exception {
    Map<String, Object> profile = Startups.chinese();
    String email = (String) ((Map<?, ?>) profile.get("contact")).get("email");
    String id =
        as("partner", "acme")
            .body(profile)
            .post("/api/v1/applications")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String contact = "/api/v1/applications/" + id + "/contact";
    String unit = "BU-" + UUID.randomUUID();

    as("partner", "acme").get(contact).then().statusCode(200).body("email", equalTo(email));
    as("admin", "ops").get(contact).then().statusCode(200);
    as("partner", "another").get(contact).then().statusCode(404);
    as("bu-staff", unit).get(contact).then().statusCode(404);

    UUID match = UUID.randomUUID();
    publish(match, id, unit, "PROPOSED");
    publish(match, id, unit, "SHORTLISTED");
    as("bu-staff", unit).get(contact).then().statusCode(404);
    publish(match, id, unit, "ACCEPTED");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                as("bu-staff", unit)
                    .get(contact)
                    .then()
                    .statusCode(200)
                    .body("email", equalTo(email)));
    as("bu-staff", "BU-" + UUID.randomUUID()).get(contact).then().statusCode(404);

    as("partner", "acme").post("/api/v1/applications/" + id + "/erasure").then().statusCode(200);
    as("bu-staff", unit).get(contact).then().statusCode(404);
    as("partner", "acme").get(contact).then().statusCode(404);
  }

  @Test
  void aPartnerSeesWhatBecameOfItsOwnStartupsMatchesAndNothingOfAnotherPartners() throws Exception {
    String id =
        as("partner", "acme")
            .body(Startups.chinese())
            .post("/api/v1/applications")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String outcomes = "/api/v1/applications/" + id + "/outcomes";
    String unit = "BU-" + UUID.randomUUID();
    UUID match = UUID.randomUUID();
    publish(match, id, unit, "PROPOSED");
    publish(match, id, unit, "ACCEPTED");
    publish(match, id, unit, "PILOT_STARTED");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                as("partner", "acme")
                    .get(outcomes)
                    .then()
                    .statusCode(200)
                    .body("items[0].matchId", equalTo(match.toString()))
                    .body("items[0].status", equalTo("PILOT_STARTED"))
                    .body("items[0].businessUnit", equalTo(unit))
                    .body("items[0].needTitle", equalTo("Driver monitoring"))
                    .body("items[0].proposedAt", org.hamcrest.Matchers.notNullValue())
                    .body(
                        "items[0]",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("score"))));
    as("partner", "another").get(outcomes).then().statusCode(404);
    as("admin", "ops").get(outcomes).then().statusCode(200);
    as("bu-staff", unit).get(outcomes).then().statusCode(403);
    as("partner", "acme")
        .get("/api/v1/applications/" + UUID.randomUUID() + "/outcomes")
        .then()
        .statusCode(404);
  }

  /** A match event as matching-service emits it (the fields this service reads). */
  void publish(UUID matchId, String applicationId, String unit, String status) throws Exception {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", matchId.toString());
    data.put("needId", UUID.randomUUID().toString());
    data.put("applicationId", applicationId);
    data.put("businessUnit", unit);
    data.put("status", status);
    data.put("need", Map.of("title", "Driver monitoring"));
    data.put("createdAt", "2026-11-01T08:00:00Z");
    data.put("updatedAt", Instant.now().toString());
    try (EventPublisher events = new EventPublisher(bootstrapServers)) {
      events.publish(
          "match-events",
          (String) data.get("needId"),
          UUID.randomUUID().toString(),
          "io.garagematch.match.decided.v1",
          "/garagematch/matching-service",
          null,
          JSON.writeValueAsString(data));
    }
  }
}
