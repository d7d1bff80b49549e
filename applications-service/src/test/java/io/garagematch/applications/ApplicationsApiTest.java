package io.garagematch.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.infra.EventPublisher;
import io.garagematch.infra.TestTokens;
import io.garagematch.infra.TopicReader;
import io.garagematch.platform.testing.Contracts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationsApiTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static final String TOPIC = "startup-applications";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  static RequestSpecification as(String partner) {
    return given()
        .filter(Contracts.openApi("applications-service"))
        .header("Authorization", "Bearer " + TestTokens.forRole("partner", partner))
        .contentType(ContentType.JSON);
  }

  static String submit(String partner, Map<String, Object> profile) {
    return as(partner)
        .body(profile)
        .post("/api/v1/applications")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  List<ConsumerRecord<String, String>> events(String id, int expected) {
    return new TopicReader(bootstrapServers).byKey(TOPIC, id, expected);
  }

  @Test
  void validSubmissionIsStoredAndAnnouncedAsACloudEvent() throws Exception {
    Map<String, Object> profile = Startups.chinese();

    var created =
        as("acme")
            .body(profile)
            .post("/api/v1/applications")
            .then()
            .statusCode(201)
            .header("ETag", "\"1\"")
            .body("version", equalTo(1))
            .body("status", equalTo("SUBMITTED"))
            .body("partnerId", equalTo("acme"))
            .body("name", equalTo(profile.get("name")))
            .body("technologies", equalTo(profile.get("technologies")))
            .body("contact.email", equalTo(((Map<?, ?>) profile.get("contact")).get("email")))
            .body("createdAt", notNullValue())
            .extract();
    String id = created.path("id");
    assertThat(created.header("Location")).endsWith("/api/v1/applications/" + id);

    as("acme").get("/api/v1/applications/" + id).then().statusCode(200).body("id", equalTo(id));

    List<ConsumerRecord<String, String>> events = events(id, 1);
    assertThat(events).hasSize(1);
    ConsumerRecord<String, String> event = events.get(0);
    assertThat(TopicReader.header(event, "ce_type"))
        .isEqualTo("io.garagematch.application.submitted.v1");
    assertThat(TopicReader.header(event, "ce_specversion")).isEqualTo("1.0");
    assertThat(TopicReader.header(event, "ce_source"))
        .isEqualTo("/garagematch/applications-service");
    assertThat(TopicReader.header(event, "ce_subject")).isEqualTo(id);
    assertThat(TopicReader.header(event, "ce_id")).isNotBlank();
    assertThat(TopicReader.header(event, "ce_time")).isNotBlank();
    assertThat(TopicReader.header(event, "content-type")).isEqualTo("application/json");
    assertThat(Contracts.eventViolations("application.submitted", event.value())).isEmpty();
    JsonNode data = new ObjectMapper().readTree(event.value());
    assertThat(data.get("id").asText()).isEqualTo(id);
    assertThat(data.get("version").asInt()).isEqualTo(1);
    assertThat(data.has("contact")).as("contact data never travels on Kafka").isFalse();
    assertThat(event.value())
        .doesNotContain((String) ((Map<?, ?>) profile.get("contact")).get("email"));
  }

  @Test
  void sameIdempotencyKeyTwiceMakesOneApplicationAndOneEvent() {
    Map<String, Object> profile = Startups.chinese();
    String key = UUID.randomUUID().toString();

    String first =
        as("acme")
            .header("Idempotency-Key", key)
            .body(profile)
            .post("/api/v1/applications")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String second =
        as("acme")
            .header("Idempotency-Key", key)
            .body(profile)
            .post("/api/v1/applications")
            .then()
            .statusCode(201)
            .header("Location", endsWith(first))
            .extract()
            .path("id");

    assertThat(second).isEqualTo(first);
    assertThat(events(first, 1)).hasSize(1);
  }

  @Test
  void sameIdempotencyKeyWithAnotherBodyIsRejectedWith422() {
    String key = UUID.randomUUID().toString();
    as("acme")
        .header("Idempotency-Key", key)
        .body(Startups.chinese())
        .post("/api/v1/applications")
        .then()
        .statusCode(201);

    as("acme")
        .header("Idempotency-Key", key)
        .body(Startups.chinese())
        .post("/api/v1/applications")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:garagematch:problem:idempotency-key-reused"));
  }

  @Test
  void ownDuplicateIsRejectedWith409NamingTheExistingApplication() {
    Map<String, Object> profile = Startups.chinese();
    String id = submit("acme", profile);
    Map<String, Object> sameWebsite = Startups.chinese();
    sameWebsite.put(
        "website", ((String) profile.get("website")).replace("https://", "https://www."));

    as("acme")
        .body(sameWebsite)
        .post("/api/v1/applications")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:garagematch:problem:duplicate-application"))
        .body("existingApplicationId", equalTo(id));
  }

  @Test
  void anotherPartnersDuplicateIsRejectedWithoutTheirData() {
    Map<String, Object> profile = Startups.chinese();
    submit("acme", profile);
    Map<String, Object> sameCompany = Startups.chinese();
    sameCompany.put("registrationId", profile.get("registrationId"));

    String body =
        as("other-incubator")
            .body(sameCompany)
            .post("/api/v1/applications")
            .then()
            .statusCode(409)
            .body("type", equalTo("urn:garagematch:problem:duplicate-application"))
            .body("existingApplicationId", nullValue())
            .extract()
            .asString();
    assertThat(body).doesNotContain((String) profile.get("name")).doesNotContain("acme");
  }

  @Test
  void anotherPartnerCanNeitherReadNorChangeNorListNorEraseIt() {
    Map<String, Object> profile = Startups.chinese();
    String id = submit("acme", profile);
    String path = "/api/v1/applications/" + id;

    as("intruder")
        .get(path)
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:garagematch:problem:not-found"));
    as("intruder").header("If-Match", "\"1\"").body(profile).put(path).then().statusCode(404);
    as("intruder").post(path + "/withdrawal").then().statusCode(404);
    as("intruder").post(path + "/erasure").then().statusCode(404);
    as("intruder").get(path + "/versions").then().statusCode(404);
    as("intruder")
        .queryParam("limit", 200)
        .get("/api/v1/applications")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));

    as("acme")
        .get(path)
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("status", equalTo("SUBMITTED"));
    assertThat(events(id, 1)).hasSize(1);
  }

  @Test
  void updateNeedsTheCurrentVersionAndMakesANewOne() {
    Map<String, Object> profile = Startups.chinese();
    String id = submit("acme", profile);
    String path = "/api/v1/applications/" + id;
    profile.put("trl", 8);

    as("acme")
        .body(profile)
        .put(path)
        .then()
        .statusCode(428)
        .body("type", equalTo("urn:garagematch:problem:if-match-required"));
    as("acme")
        .header("If-Match", "\"1\"")
        .body(profile)
        .put(path)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("version", equalTo(2))
        .body("trl", equalTo(8));
    as("acme")
        .header("If-Match", "\"1\"")
        .body(profile)
        .put(path)
        .then()
        .statusCode(412)
        .body("type", equalTo("urn:garagematch:problem:version-mismatch"))
        .body("currentVersion", equalTo(2));

    as("acme")
        .get(path + "/versions")
        .then()
        .statusCode(200)
        .body("items.version", equalTo(List.of(1, 2)))
        .body("items.change", equalTo(List.of("SUBMITTED", "UPDATED")))
        .body("items[0].application.trl", equalTo(7))
        .body("items[1].application.trl", equalTo(8));

    List<ConsumerRecord<String, String>> events = events(id, 2);
    assertThat(events)
        .extracting(e -> TopicReader.header(e, "ce_type"))
        .containsExactly(
            "io.garagematch.application.submitted.v1", "io.garagematch.application.updated.v1");
    assertThat(Contracts.eventViolations("application.updated", events.get(1).value())).isEmpty();
  }

  @Test
  void withdrawnApplicationIsAnnouncedAndCannotBeUpdated() {
    Map<String, Object> profile = Startups.chinese();
    String id = submit("acme", profile);
    String path = "/api/v1/applications/" + id;

    as("acme")
        .post(path + "/withdrawal")
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"))
        .body("version", equalTo(2));
    as("acme").post(path + "/withdrawal").then().statusCode(200).body("version", equalTo(2));
    as("acme")
        .header("If-Match", "\"2\"")
        .body(profile)
        .put(path)
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:garagematch:problem:application-withdrawn"));

    List<ConsumerRecord<String, String>> events = events(id, 2);
    assertThat(events).hasSize(2);
    assertThat(TopicReader.header(events.get(1), "ce_type"))
        .isEqualTo("io.garagematch.application.withdrawn.v1");
    assertThat(Contracts.eventViolations("application.withdrawn", events.get(1).value())).isEmpty();
  }

  @Test
  void erasureRemovesTheContactFromEveryAnswerAndEmitsNothingOfTheStartup() {
    Map<String, Object> profile = Startups.chinese();
    String email = (String) ((Map<?, ?>) profile.get("contact")).get("email");
    String id = submit("acme", profile);
    String path = "/api/v1/applications/" + id;
    as("acme").header("If-Match", "\"1\"").body(profile).put(path).then().statusCode(200);
    events(id, 2);

    as("acme")
        .post(path + "/erasure")
        .then()
        .statusCode(200)
        .body("contact", nullValue())
        .body("erasedAt", notNullValue())
        .body("version", equalTo(3))
        .body("name", equalTo(profile.get("name")));

    for (ValidatableResponse r :
        List.of(
            as("acme").get(path).then(),
            as("acme").get(path + "/versions").then(),
            as("acme").queryParam("limit", 200).get("/api/v1/applications").then())) {
      assertThat(r.statusCode(200).extract().asString()).doesNotContain(email);
    }
    List<ConsumerRecord<String, String>> events = events(id, 3);
    ConsumerRecord<String, String> erased = events.get(events.size() - 1);
    assertThat(TopicReader.header(erased, "ce_type"))
        .isEqualTo("io.garagematch.application.erased.v1");
    assertThat(Contracts.eventViolations("application.erased", erased.value())).isEmpty();
    assertThat(erased.value())
        .doesNotContain(email)
        .doesNotContain((String) profile.get("name"))
        .doesNotContain((String) profile.get("pitch"));

    // an erased application takes no further change; erasing again changes nothing
    as("acme")
        .header("If-Match", "\"3\"")
        .body(profile)
        .put(path)
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:garagematch:problem:application-erased"));
    as("acme").post(path + "/erasure").then().statusCode(200).body("version", equalTo(3));
  }

  @Test
  void theServicesConfirmationsOfAnErasureShowOnTheApplication() throws Exception {
    String id = submit("acme", Startups.chinese());
    String path = "/api/v1/applications/" + id;
    as("acme")
        .post(path + "/erasure")
        .then()
        .statusCode(200)
        .body("erasureConfirmedBy", hasSize(0));
    for (String service :
        List.of("matching-service", "notifications-service", "matching-service")) {
      String data =
          JSON.writeValueAsString(
              Map.of(
                  "applicationId",
                  id,
                  "service",
                  service,
                  "completedAt",
                  Instant.now().toString()));
      assertThat(Contracts.eventViolations("erasure.completed", data)).isEmpty();
      try (EventPublisher events = new EventPublisher(bootstrapServers)) {
        events.publish(
            "erasure-confirmations",
            id,
            UUID.randomUUID().toString(),
            "io.garagematch.erasure.completed.v1",
            "/garagematch/" + service,
            null,
            data);
      }
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                as("acme")
                    .get(path)
                    .then()
                    .statusCode(200)
                    .body(
                        "erasureConfirmedBy.service",
                        containsInAnyOrder("matching-service", "notifications-service")));
  }

  @Test
  void listPagesByCursorAndFiltersByStatusAndUpdatedSince() {
    String partner = "lister-" + UUID.randomUUID();
    String a = submit(partner, Startups.chinese());
    String b = submit(partner, Startups.chinese());
    String c = submit(partner, Startups.chinese());
    as(partner).post("/api/v1/applications/" + b + "/withdrawal").then().statusCode(200);

    String cursor =
        as(partner)
            .queryParam("limit", 2)
            .get("/api/v1/applications")
            .then()
            .statusCode(200)
            .body("items.id", equalTo(List.of(a, c)))
            .body("nextCursor", notNullValue())
            .extract()
            .path("nextCursor");
    as(partner)
        .queryParam("limit", 2)
        .queryParam("cursor", cursor)
        .get("/api/v1/applications")
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(b)))
        .body("nextCursor", nullValue());

    as(partner)
        .queryParam("status", "WITHDRAWN")
        .get("/api/v1/applications")
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(b)));
    String withdrawnAt =
        as(partner).get("/api/v1/applications/" + b).then().extract().path("updatedAt");
    as(partner)
        .queryParam("updatedSince", withdrawnAt)
        .get("/api/v1/applications")
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(b)));
  }
}
