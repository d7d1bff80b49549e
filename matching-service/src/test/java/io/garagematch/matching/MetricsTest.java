package io.garagematch.matching;

import static io.garagematch.matching.MatchingFlowTest.UNIT;
import static io.garagematch.matching.MatchingFlowTest.as;
import static io.garagematch.matching.MatchingFlowTest.chineseDriverMonitoringStartup;
import static io.garagematch.matching.MatchingFlowTest.driverMonitoringNeed;
import static io.garagematch.matching.MatchingFlowTest.openNeed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.garagematch.contracts.AllEvents;
import io.garagematch.infra.EventPublisher;
import io.garagematch.infra.TestTokens;
import io.garagematch.matching.domain.MatchStatus;
import io.garagematch.matching.service.MatchScores;
import io.garagematch.matching.service.MatchingGauges;
import io.garagematch.platform.testing.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What /q/metrics tells of matching, as Prometheus reads it. */
@QuarkusTest
class MetricsTest {

  static final String REQUESTS = "http_server_requests_seconds_count";

  @Inject MatchScores scores;
  @Inject MatchingGauges gauges;
  @Inject AgroalDataSource dataSource;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void matchScoresAreCountedInTheirPercentBuckets() {
    Scrape before = Scrape.now();
    for (double score : new double[] {0.05, 0.3, 0.7, 0.7001, 0.95, 1.0}) {
      scores.record(score);
    }
    Scrape after = Scrape.now();

    Map<String, Double> cumulative = new LinkedHashMap<>();
    cumulative.put("10.0", 1.0);
    cumulative.put("20.0", 1.0);
    cumulative.put("30.0", 2.0);
    cumulative.put("40.0", 2.0);
    cumulative.put("50.0", 2.0);
    cumulative.put("60.0", 2.0);
    cumulative.put("70.0", 3.0);
    cumulative.put("80.0", 4.0);
    cumulative.put("90.0", 4.0);
    cumulative.put("100.0", 6.0);
    cumulative.put("+Inf", 6.0);
    cumulative.forEach(
        (le, count) -> {
          assertThat(after.has("garagematch_match_score_percent_bucket", "le", le))
              .as("bucket le=%s", le)
              .isTrue();
          assertThat(
                  after.value("garagematch_match_score_percent_bucket", "le", le)
                      - before.value("garagematch_match_score_percent_bucket", "le", le))
              .as("scores up to %s %%", le)
              .isEqualTo(count);
        });
    assertThat(
            after.value("garagematch_match_score_percent_count")
                - before.value("garagematch_match_score_percent_count"))
        .isEqualTo(6);
    assertThat(
            after.value("garagematch_match_score_percent_sum")
                - before.value("garagematch_match_score_percent_sum"))
        .isCloseTo(5 + 30 + 70 + 70.01 + 95 + 100, within(1e-6));
  }

  @Test
  void everyGaragematchMetricHasAHelpText() throws Exception {
    String needId = openNeed(driverMonitoringNeed());
    UUID app = UUID.randomUUID();
    publishSubmitted(app);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> matchesOf("need_id = ? and application_id = ?", needId, app).size() == 1);
    gauges.refresh();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> Scrape.now().value("garagematch_outbox_lag_seconds_count") > 0);

    Map<String, String> help = Scrape.now().help("garagematch_");
    assertThat(help)
        .containsKeys(
            "garagematch_matches",
            "garagematch_match_score_percent",
            "garagematch_outbox_lag_seconds",
            "garagematch_needs_by_status",
            "garagematch_matches_by_status",
            "garagematch_outbox_pending");
    assertThat(help).allSatisfy((name, text) -> assertThat(text).as(name).isNotBlank());
  }

  @Test
  void needsAndMatchesByStatusCountWhatWasOpenedClosedAndProposed() throws Exception {
    gauges.refresh();
    Scrape before = Scrape.now();

    String open = openNeed(driverMonitoringNeed());
    String closed = openNeed(driverMonitoringNeed());
    as("bu-staff", UNIT).post("/api/v1/needs/" + closed + "/closure").then().statusCode(200);
    UUID app = UUID.randomUUID();
    publishSubmitted(app);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> matchesOf("need_id = ? and application_id = ?", open, app).size() == 1);

    gauges.refresh();
    Scrape after = Scrape.now();
    assertThat(delta(before, after, "garagematch_needs_by_status", "OPEN")).isEqualTo(1);
    assertThat(delta(before, after, "garagematch_needs_by_status", "CLOSED")).isEqualTo(1);
    // everything that changed: the two needs' matches (made when they opened, the closed one's
    // withdrawn) and the new startup's
    Map<String, Long> made =
        matchesOf("need_id = ? or need_id = ? or application_id = ?", open, closed, app).stream()
            .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    assertThat(made.get("PROPOSED")).isPositive();
    for (MatchStatus status : MatchStatus.values()) {
      assertThat(delta(before, after, "garagematch_matches_by_status", status.name()))
          .as("matches %s", status)
          .isEqualTo(made.getOrDefault(status.name(), 0L));
    }
  }

  /**
   * Random paths must not become uri tags: 150 calls without a token (401) and 150 with one (404)
   * would fill the 100 tags Quarkus allows (max-uri-tags) and leave real endpoints unmeasured.
   */
  @Test
  void requestsRefusedBeforeReachingAnEndpointAreTaggedWithAFixedUriNeverTheirPath() {
    List<String> randomPaths =
        IntStream.range(0, 150).mapToObj(i -> "/probe-" + UUID.randomUUID()).toList();
    String token = TestTokens.forRole("bu-staff", UNIT);
    Scrape before = Scrape.now();
    for (String path : randomPaths) {
      given().get(path).then().statusCode(401);
      given().auth().oauth2(token).get("/api/v1" + path).then().statusCode(404);
    }
    String needId = openNeed(driverMonitoringNeed());
    as("bu-staff", UNIT).get("/api/v1/needs/" + needId).then().statusCode(200);

    Scrape after = Scrape.now();
    Set<String> uris =
        after.samples().stream()
            .filter(s -> s.name().equals(REQUESTS))
            .map(s -> s.labels().get("uri"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(uris).noneMatch(uri -> uri.contains("/probe-")).hasSizeLessThan(100);
    assertThat(
            after.value(REQUESTS, "uri", "UNKNOWN", "status", "401")
                - before.value(REQUESTS, "uri", "UNKNOWN", "status", "401"))
        .isEqualTo(150);
    assertThat(
            after.value(REQUESTS, "uri", "NOT_FOUND", "status", "404")
                - before.value(REQUESTS, "uri", "NOT_FOUND", "status", "404"))
        .isEqualTo(150);
    assertThat(after.has(REQUESTS, "uri", "/api/v1/needs/{id}", "method", "GET", "status", "200"))
        .isTrue();
  }

  private void publishSubmitted(UUID app) throws Exception {
    String data =
        MatchingFlowTest.JSON.writeValueAsString(
            chineseDriverMonitoringStartup(app, 1, "SUBMITTED", 7));
    try (EventPublisher events = new EventPublisher(bootstrapServers)) {
      events.publish(
          "startup-applications",
          app.toString(),
          UUID.randomUUID().toString(),
          AllEvents.named("application.submitted").type(),
          "/garagematch/applications-service",
          null,
          data);
    }
  }

  /** The statuses of the matches that {@code where} selects, its parameters being ids. */
  private List<String> matchesOf(String where, Object... ids) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement("select status from match where " + where)) {
      for (int i = 0; i < ids.length; i++) {
        q.setObject(i + 1, UUID.fromString(ids[i].toString()));
      }
      try (ResultSet rs = q.executeQuery()) {
        List<String> statuses = new ArrayList<>();
        while (rs.next()) {
          statuses.add(rs.getString(1));
        }
        return statuses;
      }
    }
  }

  private static long delta(Scrape before, Scrape after, String gauge, String status) {
    for (Scrape s : List.of(before, after)) {
      assertThat(s.has(gauge, "status", status)).as("%s{status=%s}", gauge, status).isTrue();
      assertThat(s.value(gauge, "status", status)).as("%s{status=%s}", gauge, status).isNotNaN();
    }
    return Math.round(after.value(gauge, "status", status) - before.value(gauge, "status", status));
  }
}
