package io.garagematch.matching;

import static io.garagematch.matching.MatchingFlowTest.chineseDriverMonitoringStartup;
import static io.garagematch.matching.MatchingFlowTest.driverMonitoringNeed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.contracts.AllEvents;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import io.garagematch.infra.EventPublisher;
import io.garagematch.infra.TestTokens;
import io.garagematch.infra.TopicReader;
import io.garagematch.matching.domain.MatchResult.ComponentScore;
import io.garagematch.matching.domain.MatchStatus;
import io.garagematch.matching.domain.NeedSpec;
import io.garagematch.matching.domain.NeedStatus;
import io.garagematch.matching.domain.Weights;
import io.garagematch.matching.repository.MatchEntity;
import io.garagematch.matching.repository.MatchRepository;
import io.garagematch.matching.repository.NeedEntity;
import io.garagematch.matching.repository.NeedRepository;
import io.garagematch.platform.testing.Contracts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Weights that learn from a unit's decisions, over HTTP, the real database and the real broker: the
 * replay shows the weights in force and the learned ones side by side, a promotion puts the learned
 * ones in force for the unit's needs (re-scored at once, new ones scored with them), and only the
 * unit's own people see them, only its staff and admins promote. Each test works in a business unit
 * of its own.
 *
 * <p>A unit's decision history is written straight to the database: what is learned depends only on
 * the breakdowns and statuses stored, and dozens of startups decided through the API would cost the
 * suite seconds without showing more.
 */
@QuarkusTest
class UnitWeightsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The only country of this test's startups and regions: other tests' startups stay out. */
  static final String COUNTRY = "IS";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject NeedRepository needs;
  @Inject MatchRepository matches;

  /** Checks every request and response against docs/openapi (parsed once: it takes a while). */
  static final OpenApiValidationFilter CONTRACT = Contracts.openApi("matching-service");

  static RequestSpecification as(String role, String subject) {
    return given()
        .filter(CONTRACT)
        .header("Authorization", "Bearer " + TestTokens.forRole(role, subject))
        .contentType(ContentType.JSON);
  }

  static String unit() {
    return "Weights " + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The unit's weights path (REST Assured encodes the space). */
  static String weights(String unit) {
    return "/api/v1/business-units/" + unit + "/weights";
  }

  @Test
  void learnedWeightsThatRankTheDecisionsBetterArePromotedAndScoreTheUnitsNeeds() throws Exception {
    String unit = unit();
    decided(unit, 40);
    String before = openNeed(unit);
    UUID app = submit();
    String matchId =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> match(unit, before, app), id -> id != null);
    as("bu-staff", unit)
        .get("/api/v1/matches/" + matchId)
        .then()
        .statusCode(200)
        .body("weightsVersion", equalTo(Weights.DEFAULT.version()));
    as("bu-staff", unit)
        .get(weights(unit))
        .then()
        .statusCode(200)
        .body("version", equalTo(Weights.DEFAULT.version()))
        .body("weights.text", equalTo((float) Weights.DEFAULT.text()))
        .body("since", nullValue());

    as("bu-staff", unit)
        .get(weights(unit) + "/replay")
        .then()
        .statusCode(200)
        .body("businessUnit", equalTo(unit))
        .body("decisions", equalTo(40))
        .body("accepted", equalTo(20))
        .body("rejected", equalTo(20))
        .body("current.version", equalTo(Weights.DEFAULT.version()))
        .body("current.auc", lessThan(0.5f))
        .body("learned.auc", greaterThan(0.9f))
        .body("learned.weights." + FOLLOWS, greaterThan(0.5f))
        .body("learned.weights." + AGAINST, equalTo(0f))
        .body("learned.coefficients." + AGAINST, lessThan(0f))
        .body("promotable", equalTo(true));

    String version = "bu-" + unit.toLowerCase().replace(' ', '-') + "-learned-1";
    as("bu-staff", unit)
        .post(weights(unit) + "/promotions")
        .then()
        .statusCode(201)
        .body("version", equalTo(version))
        .body("promotedBy", equalTo(unit))
        .body("since", notNullValue())
        .body("replay.promotable", equalTo(true))
        .body("needsRescored", greaterThanOrEqualTo(1));

    as("admin", "programme")
        .get(weights(unit))
        .then()
        .statusCode(200)
        .body("version", equalTo(version))
        .body("promotedBy", equalTo(unit))
        .body("since", notNullValue());
    // the open need, re-scored with the learned weights: its match went out as match.updated
    as("bu-staff", unit)
        .get("/api/v1/matches/" + matchId)
        .then()
        .statusCode(200)
        .body("weightsVersion", equalTo(version));
    assertThat(
            new TopicReader(bootstrapServers)
                .read(
                    "match-events",
                    r ->
                        before.equals(r.key())
                            && "io.garagematch.match.updated.v1"
                                .equals(TopicReader.header(r, "ce_type"))
                            && r.value().contains(version),
                    1,
                    Duration.ofSeconds(20),
                    Duration.ZERO))
        .isNotEmpty();
    // a need opened now is scored with them, and so is its match
    String after = openNeed(unit);
    as("bu-staff", unit)
        .get("/api/v1/applications/" + app + "/matches")
        .then()
        .statusCode(200)
        .body("items.find { it.needId == '" + after + "' }.weightsVersion", equalTo(version))
        .body("items.find { it.needId == '" + after + "' }.status", equalTo("PROPOSED"));

    // the same decisions again: the weights in force already rank them as well as any learned
    as("bu-staff", unit)
        .post(weights(unit) + "/promotions")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:garagematch:problem:weights-not-promotable"))
        .body("current.version", equalTo(version))
        .body("learned.auc", notNullValue());
  }

  @Test
  void fewerThanThirtyDecisionsLearnNothingAndPromoteNothing() {
    String unit = unit();
    decided(unit, 12);

    as("bu-staff", unit)
        .get(weights(unit) + "/replay")
        .then()
        .statusCode(200)
        .body("decisions", equalTo(12))
        .body("current.version", equalTo(Weights.DEFAULT.version()))
        .body("current.auc", notNullValue())
        .body("learned", nullValue())
        .body("promotable", equalTo(false))
        .body("reason", containsString("at least 30, 18 more"));
    as("admin", "programme")
        .post(weights(unit) + "/promotions")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:garagematch:problem:weights-not-promotable"))
        .body("decisions", equalTo(12))
        .body("detail", containsString("18 more"));
    as("bu-staff", unit)
        .get(weights(unit))
        .then()
        .statusCode(200)
        .body("version", equalTo(Weights.DEFAULT.version()));
  }

  @Test
  void onlyTheUnitsPeopleSeeItsWeightsAndOnlyItsStaffAndAdminsPromote() throws Exception {
    String unit = unit();
    String expert = register(unit);

    asExpert(expert, unit).get(weights(unit)).then().statusCode(200);
    asExpert(expert, unit).get(weights(unit) + "/replay").then().statusCode(200);
    asExpert(expert, unit)
        .post(weights(unit) + "/promotions")
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:garagematch:problem:forbidden"));

    String other = unit();
    for (String path : List.of(weights(unit), weights(unit) + "/replay")) {
      as("bu-staff", other)
          .get(path)
          .then()
          .statusCode(403)
          .body("type", equalTo("urn:garagematch:problem:business-unit-not-yours"));
    }
    asExpert(expert, unit)
        .get(weights(other))
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:garagematch:problem:business-unit-not-yours"));
    // an expert id no expert has acts for no unit
    asExpert(UUID.randomUUID().toString(), unit).get(weights(unit)).then().statusCode(403);
    as("bu-staff", other)
        .post(weights(unit) + "/promotions")
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:garagematch:problem:business-unit-not-yours"));
    as("partner", "acme-incubator").get(weights(unit)).then().statusCode(403);
    given().get(weights(unit)).then().statusCode(401);
  }

  /** The component the default weights count least: the one this test's units decide by. */
  static final String FOLLOWS = byWeight(Weights.DEFAULT, false);

  /** The component the default weights count most: the one this test's units decide against. */
  static final String AGAINST = byWeight(Weights.DEFAULT, true);

  static String byWeight(Weights w, boolean most) {
    var byValue = Map.Entry.<String, Double>comparingByValue();
    return w.asMap().entrySet().stream()
        .max(most ? byValue : byValue.reversed())
        .orElseThrow()
        .getKey();
  }

  /**
   * {@code n} decided matches of a closed need of {@code unit}, half accepted (or further), half
   * rejected. The unit decided by {@link #FOLLOWS} and against {@link #AGAINST}: accepted matches
   * have the one in [0.6, 1] and the other in [0, 0.4], rejected ones the other way round; every
   * other component is the same for all. The default weights, counting {@link #AGAINST} most, rank
   * these decisions backwards; weights on {@link #FOLLOWS} alone rank them perfectly.
   */
  void decided(String unit, int n) {
    Random random = new Random(n);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Instant now = Instant.now();
              NeedEntity need = new NeedEntity();
              need.id = UUID.randomUUID();
              need.businessUnit = unit;
              need.version = 2;
              need.status = NeedStatus.CLOSED;
              need.spec =
                  new NeedSpec(
                      unit,
                      Language.EN,
                      "An earlier need",
                      "Decided before weights were learned.",
                      List.of(),
                      Set.of(InnovationField.AUTOMATED_DRIVING),
                      5,
                      null,
                      null,
                      Set.of(COUNTRY),
                      null,
                      null);
              need.createdAt = now;
              need.updatedAt = now;
              needs.persist(need);
              for (int i = 0; i < n; i++) {
                boolean accepted = i % 2 == 0;
                double high = 0.6 + 0.4 * random.nextDouble();
                double low = 0.4 * random.nextDouble();
                Map<String, Double> values = new HashMap<>();
                Weights.DEFAULT.asMap().keySet().forEach(c -> values.put(c, 0.5));
                values.put(FOLLOWS, accepted ? high : low);
                values.put(AGAINST, accepted ? low : high);
                MatchStatus status =
                    !accepted
                        ? MatchStatus.REJECTED
                        : i % 6 == 0 ? MatchStatus.PILOT_GO : MatchStatus.ACCEPTED;
                matches.persist(decidedMatch(need.id, now.plusMillis(i), status, values));
              }
            });
  }

  static MatchEntity decidedMatch(
      UUID needId, Instant at, MatchStatus status, Map<String, Double> values) {
    Weights w = Weights.DEFAULT;
    List<ComponentScore> breakdown = new ArrayList<>();
    double score = 0;
    for (Map.Entry<String, Double> weight : w.asMap().entrySet()) {
      double value = values.get(weight.getKey());
      score += value * weight.getValue();
      breakdown.add(
          new ComponentScore(
              weight.getKey(), value, weight.getValue(), value * weight.getValue(), Map.of()));
    }
    MatchEntity m = new MatchEntity();
    m.id = UUID.randomUUID();
    m.needId = needId;
    m.applicationId = UUID.randomUUID();
    m.score = score;
    m.status = status;
    m.weightsVersion = w.version();
    m.breakdown = breakdown;
    m.hardChecks = List.of();
    m.createdAt = at;
    m.updatedAt = at;
    m.version = 2;
    return m;
  }

  String openNeed(String unit) {
    Map<String, Object> need = driverMonitoringNeed();
    need.put("businessUnit", unit);
    need.put("regions", List.of(COUNTRY));
    // whichever weights are in force, this test's startup is proposed
    need.put("matchThreshold", 0.0);
    return as("bu-staff", unit)
        .body(need)
        .post("/api/v1/needs")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  UUID submit() throws Exception {
    UUID app = UUID.randomUUID();
    Map<String, Object> a = chineseDriverMonitoringStartup(app, 1, "SUBMITTED", 7);
    a.put("country", COUNTRY);
    try (EventPublisher events = new EventPublisher(bootstrapServers)) {
      events.publish(
          "startup-applications",
          app.toString(),
          UUID.randomUUID().toString(),
          "io.garagematch.application.submitted.v1",
          "/garagematch/applications-service",
          null,
          JSON.writeValueAsString(a));
    }
    return app;
  }

  String match(String unit, String needId, UUID app) {
    return as("bu-staff", unit)
        .get("/api/v1/applications/" + app + "/matches")
        .then()
        .statusCode(200)
        .extract()
        .path("items.find { it.needId == '" + needId + "' }.id");
  }

  static RequestSpecification asExpert(String expertId, String unit) {
    return given()
        .filter(CONTRACT)
        .header("Authorization", "Bearer " + TestTokens.forExpert(expertId, unit))
        .contentType(ContentType.JSON);
  }

  /** Announces a new expert of {@code unit} and waits until this service knows it. */
  String register(String unit) throws Exception {
    String id = UUID.randomUUID().toString();
    String data = JSON.writeValueAsString(Map.of("id", id, "businessUnit", unit, "version", 1));
    assertThat(Contracts.eventViolations("expert.registered", data)).isEmpty();
    try (EventPublisher events = new EventPublisher(bootstrapServers)) {
      events.publish(
          "expert-events",
          id,
          UUID.randomUUID().toString(),
          AllEvents.named("expert.registered").type(),
          "/garagematch/notifications-service",
          null,
          data);
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> asExpert(id, unit).get(weights(unit)).then().extract().statusCode() == 200);
    return id;
  }
}
