package io.garagematch.notifications.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.contracts.AllEvents;
import io.garagematch.infra.EventPublisher;
import io.garagematch.platform.testing.Contracts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Match events as matching-service publishes them (checked against their schemas). */
public final class MatchEvents {

  static final ObjectMapper JSON = new ObjectMapper();

  private static EventPublisher publisher;

  private MatchEvents() {}

  /** One producer for the test JVM (its start-up is not part of any measured latency). */
  private static synchronized EventPublisher publisher(String bootstrapServers) {
    if (publisher == null) {
      publisher = new EventPublisher(bootstrapServers);
    }
    return publisher;
  }

  /** The labels of the thesaurus concept {@code lidar}. */
  static final Map<String, String> LIDAR = Map.of("en", "lidar", "de", "Lidar", "zh", "激光雷达");

  /**
   * The data of a {@code match.*} event for a lidar need of {@code unit}, waiting in the unit's
   * queue (no owning expert).
   */
  public static Map<String, Object> match(String unit, String status, double score) {
    return match(unit, status, score, null);
  }

  /**
   * The data of a {@code match.*} event for a lidar need of {@code unit}, owned by the expert
   * {@code ownerExpertId} (null: waiting in the unit's queue).
   */
  public static Map<String, Object> match(
      String unit, String status, double score, String ownerExpertId) {
    Instant now = Instant.now();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", UUID.randomUUID().toString());
    m.put("needId", UUID.randomUUID().toString());
    m.put("applicationId", UUID.randomUUID().toString());
    m.put("businessUnit", unit);
    m.put("status", status);
    m.put("score", score);
    m.put("weightsVersion", "default-1");
    m.put(
        "breakdown",
        List.of(
            component(
                "fields",
                1.0,
                0.15,
                Map.of("matched", List.of("AUTOMATED_DRIVING"), "related", List.of())),
            component(
                "text",
                0.55,
                0.30,
                Map.of("language", "zh", "translated", true, "terms", List.of("激光雷达", "感知"))),
            component(
                "concepts",
                0.8,
                0.35,
                Map.of(
                    "matched",
                    List.of(
                        Map.of(
                            "concept",
                            "lidar",
                            "labels",
                            LIDAR,
                            "match",
                            "exact",
                            "needTerms",
                            List.of("lidar"),
                            "startupTerms",
                            List.of("激光雷达")),
                        Map.of(
                            "concept",
                            "perception-sensor",
                            "labels",
                            Map.of("en", "perception sensor", "de", "Umfeldsensor", "zh", "感知传感器"),
                            "match",
                            "related",
                            "startupConcept",
                            "lidar",
                            "startupConceptLabels",
                            LIDAR,
                            "needTerms",
                            List.of("perception sensor"),
                            "startupTerms",
                            List.of("激光雷达"))))),
            component("trl", 1.0, 0.10, Map.of("trl", 7)),
            component("stage", 1.0, 0.05, Map.of("fundingStage", "SERIES_A")),
            component("geo", 1.0, 0.05, Map.of("country", "CN"))));
    m.put("hardChecks", List.of(Map.of("rule", "minTrl", "passed", true, "detail", "TRL 7 ≥ 6")));
    m.put(
        "need",
        Map.of(
            "title", "Lidar perception for urban automated driving",
            "language", "en",
            "innovationFields", List.of("AUTOMATED_DRIVING")));
    Map<String, Object> startup = new LinkedHashMap<>();
    startup.put("name", "光锥智能");
    startup.put("language", "zh");
    startup.put("country", "CN");
    startup.put("pitch", "面向城市道路的固态激光雷达感知方案");
    m.put("startup", startup);
    m.put("decision", null);
    m.put("updatedAt", now.toString());
    m.put("version", 1);
    m.put("ownerExpertId", ownerExpertId);
    m.put("pilot", null);
    m.put("createdAt", now.toString());
    return m;
  }

  /**
   * Sets a running pilot owned by the expert {@code pilotOwnerExpertId} on the match data, its
   * go/no-go date passed (status PILOT_STARTED, as {@code match.pilot-overdue} carries it).
   */
  public static Map<String, Object> withOverduePilot(
      Map<String, Object> match, String pilotOwnerExpertId) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Object> pilot = new LinkedHashMap<>();
    pilot.put("successCriteria", List.of("Detects pedestrians at 80 m in rain"));
    pilot.put("budget", Map.of("amount", 50_000, "currency", "EUR"));
    pilot.put("startDate", today.minusMonths(4).toString());
    pilot.put("plannedEndDate", today.minusDays(10).toString());
    pilot.put("goNoGoDate", today.minusDays(1).toString());
    pilot.put("ownerExpertId", pilotOwnerExpertId);
    pilot.put("extensionReason", null);
    match.put("status", "PILOT_STARTED");
    match.put("pilot", pilot);
    return match;
  }

  private static Map<String, Object> component(
      String name, double raw, double weight, Map<String, Object> evidence) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("component", name);
    c.put("raw", raw);
    c.put("weight", weight);
    c.put("contribution", Math.round(raw * weight * 10_000) / 10_000.0);
    c.put("evidence", evidence);
    return c;
  }

  /**
   * Publishes the event on {@code match-events} (key: the need id) with this CloudEvent id, after
   * checking it against its schema.
   */
  public static void publish(
      String bootstrapServers, String eventId, String type, Map<String, Object> data)
      throws Exception {
    String json = JSON.writeValueAsString(data);
    assertThat(Contracts.eventViolations(type, json)).isEmpty();
    publisher(bootstrapServers)
        .publish(
            "match-events",
            (String) data.get("needId"),
            eventId,
            AllEvents.named(type).type(),
            "/garagematch/matching-service",
            null,
            json);
  }

  /** Publishes {@code application.erased} for the application, as applications-service does. */
  public static void publishErased(String bootstrapServers, String applicationId) throws Exception {
    String json =
        JSON.writeValueAsString(
            Map.of(
                "id",
                applicationId,
                "partnerId",
                "acme-incubator",
                "version",
                2,
                "status",
                "SUBMITTED",
                "erasedAt",
                java.time.Instant.now().toString()));
    assertThat(Contracts.eventViolations("application.erased", json)).isEmpty();
    publisher(bootstrapServers)
        .publish(
            "startup-applications",
            applicationId,
            UUID.randomUUID().toString(),
            "io.garagematch.application.erased.v1",
            "/garagematch/applications-service",
            null,
            json);
  }
}
