package io.garagematch.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.garagematch.infra.TestTokens;
import io.garagematch.notifications.service.NotificationGauges;
import io.garagematch.notifications.support.MatchEvents;
import io.garagematch.notifications.support.WebhookReceiver;
import io.garagematch.platform.testing.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What /q/metrics tells of the delivery of notifications, as Prometheus reads it. */
@QuarkusTest
class MetricsTest {

  static final WebhookReceiver RECEIVER = new WebhookReceiver();

  @Inject NotificationGauges gauges;
  @Inject AgroalDataSource dataSource;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Test
  void everyGaragematchMetricHasAHelpText() throws Exception {
    String unit = "BU-" + UUID.randomUUID();
    String path = "/hooks/" + unit;
    given()
        .auth()
        .oauth2(TestTokens.forRole("bu-staff", unit))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "businessUnit",
                unit,
                "url",
                RECEIVER.url(path),
                "eventTypes",
                List.of("match.proposed"),
                "minScore",
                0.3))
        .post("/api/v1/subscriptions")
        .then()
        .statusCode(201);
    MatchEvents.publish(
        bootstrapServers,
        UUID.randomUUID().toString(),
        "match.proposed",
        MatchEvents.match(unit, "PROPOSED", 0.7));
    await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVER.received(path).size() == 1);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> Scrape.now().value("garagematch_notifications_latency_seconds_count") > 0);
    gauges.refresh();

    Map<String, String> help = Scrape.now().help("garagematch_");
    assertThat(help)
        .containsKeys(
            "garagematch_notifications_created",
            "garagematch_notifications_attempts",
            "garagematch_notifications_latency_seconds",
            "garagematch_notifications_in_flight",
            "garagematch_notifications_lease_expired",
            "garagematch_notifications_by_status",
            "garagematch_outbox_pending");
    assertThat(help).allSatisfy((name, text) -> assertThat(text).as(name).isNotBlank());
  }

  @Test
  void notificationsByStatusCountThoseWaitingForAnAttemptARetryOrAReplay() throws Exception {
    String unit = "BU-" + UUID.randomUUID();
    gauges.refresh();
    Scrape before = Scrape.now();
    try {
      // not due for a day: the dispatcher leaves them as they are
      insert(unit, "PENDING", 2);
      insert(unit, "FAILED", 1);
      insert(unit, "DEAD", 3);
      gauges.refresh();
      Scrape after = Scrape.now();

      assertThat(delta(before, after, "PENDING")).isEqualTo(2);
      assertThat(delta(before, after, "FAILED")).isEqualTo(1);
      assertThat(delta(before, after, "DEAD")).isEqualTo(3);
      assertThat(after.has("garagematch_notifications_by_status", "status", "SENT"))
          .as("delivered ones are counted by garagematch_notifications_attempts_total")
          .isFalse();
    } finally {
      try (Connection c = dataSource.getConnection();
          PreparedStatement delete =
              c.prepareStatement("delete from notification where business_unit = ?")) {
        delete.setString(1, unit);
        delete.executeUpdate();
      }
    }
  }

  private void insert(String unit, String status, int count) throws Exception {
    Instant now = Instant.now();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into notification (id, event_id, event_type, recipient_kind, recipient_id,"
                    + " business_unit, channel, status, attempts, next_attempt_at, match_id,"
                    + " need_id, application_id, match_status, score, payload, created_at,"
                    + " updated_at) values (?, ?, 'match.proposed', 'SUBSCRIPTION', ?, ?,"
                    + " 'WEBHOOK', ?, 1, ?, ?, ?, ?, 'PROPOSED', 0.7, '{}'::jsonb, ?, ?)")) {
      for (int i = 0; i < count; i++) {
        insert.setObject(1, UUID.randomUUID());
        insert.setString(2, UUID.randomUUID().toString());
        insert.setObject(3, UUID.randomUUID());
        insert.setString(4, unit);
        insert.setString(5, status);
        insert.setTimestamp(
            6, status.equals("DEAD") ? null : Timestamp.from(now.plus(Duration.ofDays(1))));
        insert.setObject(7, UUID.randomUUID());
        insert.setObject(8, UUID.randomUUID());
        insert.setObject(9, UUID.randomUUID());
        insert.setTimestamp(10, Timestamp.from(now));
        insert.setTimestamp(11, Timestamp.from(now));
        insert.executeUpdate();
      }
    }
  }

  private static long delta(Scrape before, Scrape after, String status) {
    String gauge = "garagematch_notifications_by_status";
    for (Scrape s : List.of(before, after)) {
      assertThat(s.has(gauge, "status", status)).as("%s{status=%s}", gauge, status).isTrue();
      assertThat(s.value(gauge, "status", status)).as("%s{status=%s}", gauge, status).isNotNaN();
    }
    return Math.round(after.value(gauge, "status", status) - before.value(gauge, "status", status));
  }
}
