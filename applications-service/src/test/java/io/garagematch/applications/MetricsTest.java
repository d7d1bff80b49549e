package io.garagematch.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.garagematch.applications.service.ApplicationGauges;
import io.garagematch.infra.TestInfra;
import io.garagematch.platform.testing.Scrape;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What /q/metrics tells of the intake, as Prometheus reads it. */
@QuarkusTest
class MetricsTest {

  @Inject ApplicationGauges gauges;

  @Test
  void everyGaragematchMetricHasAHelpText() {
    ApplicationsApiTest.submit("metrics-partner", Startups.chinese());
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> Scrape.now().value("garagematch_outbox_lag_seconds_count") > 0);

    Map<String, String> help = Scrape.now().help("garagematch_");
    assertThat(help)
        .containsKeys(
            "garagematch_applications_received",
            "garagematch_outbox_lag_seconds",
            "garagematch_applications_by_status",
            "garagematch_outbox_pending");
    assertThat(help).allSatisfy((name, text) -> assertThat(text).as(name).isNotBlank());
  }

  @Test
  void applicationsByStatusCountsEachSubmissionAndWithdrawal() {
    gauges.refresh();
    Scrape before = Scrape.now();
    ApplicationsApiTest.submit("metrics-partner", Startups.chinese());
    String withdrawn = ApplicationsApiTest.submit("metrics-partner", Startups.chinese());
    ApplicationsApiTest.as("metrics-partner")
        .post("/api/v1/applications/" + withdrawn + "/withdrawal")
        .then()
        .statusCode(200);

    gauges.refresh();
    Scrape after = Scrape.now();
    assertThat(byStatus(after, "SUBMITTED") - byStatus(before, "SUBMITTED")).isEqualTo(1);
    assertThat(byStatus(after, "WITHDRAWN") - byStatus(before, "WITHDRAWN")).isEqualTo(1);
  }

  @Test
  void outboxPendingGrowsWhileTheBrokerIsDownAndFallsBackToZeroWhenItIsBack() {
    TestInfra.get().stopKafka();
    try {
      for (int i = 0; i < 3; i++) {
        ApplicationsApiTest.submit("metrics-partner", Startups.chinese());
      }
      gauges.refresh();
      assertThat(Scrape.now().value("garagematch_outbox_pending")).isGreaterThanOrEqualTo(3);
    } finally {
      TestInfra.get().startKafka();
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              gauges.refresh();
              assertThat(Scrape.now().value("garagematch_outbox_pending")).isZero();
            });
  }

  private static double byStatus(Scrape scrape, String status) {
    assertThat(scrape.has("garagematch_applications_by_status", "status", status)).isTrue();
    double value = scrape.value("garagematch_applications_by_status", "status", status);
    assertThat(value).as("applications %s", status).isNotNaN();
    return value;
  }
}
