package io.garagematch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.garagematch.infra.TestInfra;
import io.garagematch.infra.TestTokens;
import io.garagematch.infra.TopicReader;
import io.garagematch.platform.testing.Contracts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pilot whose go/no-go date has passed is announced exactly once, also across a restart of the
 * matching-service that announced it: a matching-service of its own (its own database and consumer
 * groups, overdue check every second) runs beside the shared stack, is stopped after the
 * announcement and started again, and keeps checking.
 */
@ExtendWith(RunningServices.class)
class PilotOverdueRestartTest {

  static final String OVERDUE = "io.garagematch.match.pilot-overdue.v1";

  @Test
  void anOverduePilotIsAnnouncedOnceAcrossARestart(RunningServices.Services services)
      throws Exception {
    TestInfra infra = TestInfra.get();
    infra.ensureDatabase("matching_restart");
    Path key = Files.createDirectories(Path.of("target", "jwt")).resolve("public.pem");
    Files.writeString(key, TestTokens.publicKeyPem());
    String group = "matching-restart-" + UUID.randomUUID();
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
    env.put("JWT_PUBLIC_KEY_LOCATION", key.toAbsolutePath().toString());
    env.put("OTEL_TRACES_SAMPLER", "always_off");
    env.put("LOG_JSON", "false");
    env.put("DB_URL", infra.jdbcUrl("matching_restart"));
    env.put("MP_MESSAGING_INCOMING_STARTUP_APPLICATIONS_GROUP_ID", group);
    env.put("MP_MESSAGING_INCOMING_EXPERT_EVENTS_GROUP_ID", group);
    env.put("PILOT_OVERDUE_CHECK_EVERY", "1s");

    String unit = "Overdue Unit " + UUID.randomUUID().toString().substring(0, 8);
    String expert =
        Http.send(
                "POST",
                services.notifications().url() + "/api/v1/experts",
                MatrixFixture.admin(),
                MatrixFixture.expertSpec(unit),
                null,
                null)
            .id();

    ServiceProcess matching = ServiceProcess.start("matching-service", env);
    try {
      String m = matching.url() + "/api/v1";
      String staff = MatrixFixture.staff(unit);
      await("the restartable matching-service knows the expert")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  Http.send(
                              "GET",
                              m + "/business-units/" + encoded(unit) + "/queue",
                              TestTokens.forExpert(expert, unit),
                              null,
                              null,
                              null)
                          .status()
                      == 200);
      String needId =
          Http.send("POST", m + "/needs", staff, MatrixFixture.batteryNeed(unit), null, null).id();
      String application =
          Http.send(
                  "POST",
                  services.applications().url() + "/api/v1/applications",
                  MatrixFixture.partner(MatrixFixture.PARTNER_A),
                  MatrixFixture.batteryStartup(),
                  null,
                  null)
              .id();
      String matchId =
          await("the match of the new startup")
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(500))
              .until(
                  () ->
                      Http.send(
                              "GET",
                              m + "/applications/" + application + "/matches",
                              staff,
                              null,
                              null,
                              null)
                          .json()
                          .path("items")
                          .path(0)
                          .path("id")
                          .asText(null),
                  id -> id != null);
      decide(m, staff, matchId, Map.of("decision", "ACCEPTED"));
      Map<String, Object> pilot = new LinkedHashMap<>();
      pilot.put("successCriteria", List.of("cells above 400 Wh/kg in the lab"));
      pilot.put("budget", Map.of("amount", 90000, "currency", "EUR"));
      pilot.put("startDate", LocalDate.now().minusMonths(4).toString());
      pilot.put("goNoGoDate", LocalDate.now().minusDays(1).toString());
      pilot.put("ownerExpertId", expert);
      decide(m, staff, matchId, Map.of("decision", "PILOT_STARTED", "pilot", pilot));

      List<ConsumerRecord<String, String>> before = overdue(infra, needId, Duration.ofSeconds(10));
      assertThat(before).as("announced once").hasSize(1);
      assertThat(Contracts.eventViolations("match.pilot-overdue", before.get(0).value())).isEmpty();

      matching.close();
      matching = ServiceProcess.start("matching-service", env);
      assertThat(
              Http.send(
                      "GET", matching.url() + "/api/v1/matches/" + matchId, staff, null, null, null)
                  .json()
                  .path("pilotOverdue")
                  .asBoolean())
          .isTrue();
      // the check runs every second from 5 s after the start: give it several runs
      assertThat(overdue(infra, needId, Duration.ofSeconds(12)))
          .as("still once after the restart")
          .hasSize(1);

      await("the pilot's owner has it in the inbox")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Http.send(
                          "GET",
                          services.notifications().url() + "/api/v1/experts/" + expert + "/inbox",
                          TestTokens.forExpert(expert, unit),
                          null,
                          null,
                          null)
                      .body()
                      .contains("match.pilot-overdue"));
    } finally {
      matching.close();
    }
  }

  static void decide(String m, String token, String matchId, Map<String, Object> body) {
    Http.Reply r =
        Http.send("POST", m + "/matches/" + matchId + "/decisions", token, body, null, null);
    assertThat(r.status()).as("%s: %s", body.get("decision"), r).isEqualTo(201);
  }

  static List<ConsumerRecord<String, String>> overdue(
      TestInfra infra, String needId, Duration patience) {
    // waits the whole patience for a second announcement that must never come
    return new TopicReader(infra.bootstrapServers())
        .read(
            "match-events",
            r -> needId.equals(r.key()) && OVERDUE.equals(TopicReader.header(r, "ce_type")),
            2,
            patience,
            Duration.ofSeconds(2));
  }

  static String encoded(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
