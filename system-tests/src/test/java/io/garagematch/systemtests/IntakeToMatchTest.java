package io.garagematch.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.garagematch.infra.TestInfra;
import io.garagematch.infra.TestTokens;
import io.garagematch.infra.TopicReader;
import io.garagematch.platform.testing.Contracts;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End to end, over a real broker and database, with the packaged services as processes: a startup
 * submitted to applications-service becomes a proposed match in matching-service, and withdrawing
 * it withdraws the match; the trace the submission started continues, over Kafka, in the logs of
 * matching-service and notifications-service.
 */
@ExtendWith(RunningServices.class)
class IntakeToMatchTest {

  static final String UNIT = "R&D Center China – Digital Car";
  static ServiceProcess applications;
  static ServiceProcess matching;
  static ServiceProcess notifications;

  @BeforeAll
  static void services(RunningServices.Services services) {
    applications = services.applications();
    matching = services.matching();
    notifications = services.notifications();
  }

  @Test
  void submittedStartupBecomesAProposedMatchAndItsWithdrawalWithdrawsIt() {
    String needId =
        given()
            .header("Authorization", "Bearer " + TestTokens.forRole("bu-staff", UNIT))
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "businessUnit",
                    UNIT,
                    "language",
                    "en",
                    "title",
                    "Camera-based driver monitoring for fatigue and distraction",
                    "problemStatement",
                    "Our next cockpit generation for China needs an infrared camera system that detects"
                        + " driver drowsiness and distraction in real time and warns within 500 ms.",
                    "keywords",
                    List.of("driver monitoring", "drowsiness detection", "infrared camera"),
                    "innovationFields",
                    List.of("AUTOMATED_DRIVING"),
                    "minTrl",
                    6,
                    "regions",
                    List.of("CN")))
            .post(matching.url() + "/api/v1/needs")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String partnerToken = "Bearer " + TestTokens.forRole("partner", "acme-incubator");

    String traceId = UUID.randomUUID().toString().replace("-", "");
    String applicationId =
        given()
            .header("Authorization", partnerToken)
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name", "睿眼科技",
                    "country", "CN",
                    "language", "zh",
                    "pitch", "基于红外摄像头的驾驶员监测系统，实时识别疲劳驾驶和分心驾驶。",
                    "description", "算法在夜间仍能准确检测驾驶员闭眼和打哈欠，报警延迟低于300毫秒，已在商用车队量产。",
                    "technologies", List.of("驾驶员监测", "红外摄像头", "疲劳检测"),
                    "innovationFields", List.of("ARTIFICIAL_INTELLIGENCE"),
                    "trl", 7,
                    "fundingStage", "SERIES_A",
                    "contact", Map.of("name", "王丽", "email", "li.wang@ruiyan.example.cn")))
            .post(applications.url() + "/api/v1/applications")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    List<ConsumerRecord<String, String>> proposed = matchEvents(needId, applicationId, 1);
    assertThat(proposed).hasSize(1);
    assertThat(TopicReader.header(proposed.get(0), "ce_type"))
        .isEqualTo("io.garagematch.match.proposed.v1");
    assertThat(Contracts.eventViolations("match.proposed", proposed.get(0).value())).isEmpty();
    assertThat(TopicReader.header(proposed.get(0), "traceparent"))
        .as("the match event continues the submission's trace")
        .startsWith("00-" + traceId + "-");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(matching.log()).contains("traceId=" + traceId);
              assertThat(notifications.log()).contains("traceId=" + traceId);
            });

    given()
        .header("Authorization", partnerToken)
        .post(applications.url() + "/api/v1/applications/" + applicationId + "/withdrawal")
        .then()
        .statusCode(200);

    List<ConsumerRecord<String, String>> events = matchEvents(needId, applicationId, 2);
    assertThat(events)
        .extracting(e -> TopicReader.header(e, "ce_type"))
        .containsExactly("io.garagematch.match.proposed.v1", "io.garagematch.match.withdrawn.v1");
  }

  static List<ConsumerRecord<String, String>> matchEvents(
      String needId, String applicationId, int expected) {
    return new TopicReader(TestInfra.get().bootstrapServers())
        .read(
            "match-events",
            r -> needId.equals(r.key()) && r.value().contains(applicationId),
            expected,
            Duration.ofSeconds(60),
            Duration.ofSeconds(2));
  }
}
