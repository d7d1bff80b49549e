package io.garagematch.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.infra.TestTokens;
import io.garagematch.notifications.domain.DeliverySchedule;
import io.garagematch.notifications.repository.NotificationRepository;
import io.garagematch.notifications.service.NotificationsConfig;
import io.garagematch.notifications.support.MatchEvents;
import io.garagematch.notifications.support.SmtpServer;
import io.garagematch.notifications.support.WebhookReceiver;
import io.garagematch.platform.testing.Contracts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Match events in over the real broker; e-mails out to a real SMTP server, webhooks to a real HTTP
 * receiver, inbox items over real Server-Sent Events: what only the whole service shows. The rules
 * behind it are unit-tested — who is told ({@code RoutingTest}), when ({@code
 * DeliveryScheduleTest}), how a delivery moves on after each attempt ({@code DeliveryTest}) — and
 * the latency figures are {@link DeliveryLatencyBenchmark}'s.
 */
@QuarkusTest
class DeliveryFlowTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final WebhookReceiver RECEIVER = new WebhookReceiver();

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "garagematch.console.url")
  String consoleUrl;

  @Inject NotificationsConfig config;
  @Inject DeliverySchedule schedule;
  @Inject NotificationRepository notifications;

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  static RequestSpecification as(String role, String subject) {
    return given()
        .filter(Contracts.openApi("notifications-service"))
        .header("Authorization", "Bearer " + TestTokens.forRole(role, subject))
        .contentType(ContentType.JSON);
  }

  static String unit() {
    return "BU-" + UUID.randomUUID();
  }

  static Map<String, Object> expert(String unit, String language, List<String> channels) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("name", "Expert " + language.toUpperCase());
    e.put("email", language + "-" + UUID.randomUUID() + "@example.com");
    e.put("businessUnit", unit);
    e.put("innovationFields", List.of("AUTOMATED_DRIVING"));
    e.put("language", language);
    e.put("channels", channels);
    e.put("minScore", 0.5);
    e.put("delivery", "IMMEDIATE");
    e.put("timeZone", language.equals("zh") ? "Asia/Shanghai" : "Europe/Berlin");
    e.put("maxOpenReviews", 20);
    return e;
  }

  static JsonNode createExpert(Map<String, Object> body) throws Exception {
    String json =
        as("admin", "ops")
            .body(body)
            .post("/api/v1/experts")
            .then()
            .statusCode(201)
            .extract()
            .asString();
    return JSON.readTree(json);
  }

  /** Subscribes the receiver's path; returns {id, secret}. */
  static JsonNode subscribe(String unit, String path, List<String> types) throws Exception {
    return subscribe(RECEIVER, unit, path, types);
  }

  static JsonNode subscribe(WebhookReceiver receiver, String unit, String path, List<String> types)
      throws Exception {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("businessUnit", unit);
    s.put("url", receiver.url(path));
    s.put("eventTypes", types);
    s.put("minScore", 0.3);
    String json =
        as("bu-staff", unit)
            .body(s)
            .post("/api/v1/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .asString();
    return JSON.readTree(json);
  }

  static List<MimeMessage> mailTo(String address) {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : SmtpServer.received()) {
      try {
        for (var r : m.getRecipients(Message.RecipientType.TO)) {
          if (r.toString().equals(address)) {
            out.add(m);
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** Standard Webhooks verification, written here independently of the service's code. */
  static boolean signatureValid(String secret, WebhookReceiver.Received r) throws Exception {
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    String signed =
        r.headers().get("webhook-id") + "." + r.headers().get("webhook-timestamp") + "." + r.body();
    String expected =
        "v1,"
            + Base64.getEncoder()
                .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    return List.of(r.headers().get("webhook-signature").split(" ")).contains(expected);
  }

  /** The delivery log of one recipient, as an admin reads it. */
  static JsonNode notificationsOf(JsonNode recipient) throws Exception {
    String json =
        as("admin", "ops")
            .queryParam("recipientId", recipient.get("id").asText())
            .get("/api/v1/notifications")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return JSON.readTree(json).get("items");
  }

  /** Each notification of the log as {@code eventId/channel}. */
  static List<String> eventsAndChannels(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(n -> out.add(n.get("eventId").asText() + "/" + n.get("channel").asText()));
    return out;
  }

  static String id(JsonNode expert) {
    return expert.get("id").asText();
  }

  @Test
  void eachProposalMailsItsOwnerInTheirLanguageAndSignsTheWebhook() throws Exception {
    String unit = unit();
    JsonNode de = createExpert(expert(unit, "de", List.of("EMAIL", "IN_APP")));
    JsonNode zh = createExpert(expert(unit, "zh", List.of("EMAIL")));
    JsonNode sub = subscribe(unit, "/hooks/" + unit, List.of("match.proposed"));

    Map<String, Object> forDe = MatchEvents.match(unit, "PROPOSED", 0.74, id(de));
    Map<String, Object> forZh = MatchEvents.match(unit, "PROPOSED", 0.74, id(zh));
    String deEvent = UUID.randomUUID().toString();
    String zhEvent = UUID.randomUUID().toString();
    MatchEvents.publish(bootstrapServers, deEvent, "match.proposed", forDe);
    MatchEvents.publish(bootstrapServers, zhEvent, "match.proposed", forZh);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              assertThat(mailTo(de.get("email").asText())).hasSize(1);
              assertThat(mailTo(zh.get("email").asText())).hasSize(1);
            });
    MimeMessage german = mailTo(de.get("email").asText()).get(0);
    assertThat(german.getSubject())
        .startsWith("Neuer Treffer für „Lidar perception")
        .contains("光锥智能");
    assertThat(german.getContent().toString()).isNotBlank();
    assertThat(body(german))
        .contains("Guten Tag Expert DE")
        .contains("0.74")
        .as("the concepts by their German labels, not their ids")
        .contains("Gemeinsame Konzepte: Lidar, Umfeldsensor")
        .doesNotContain("perception-sensor")
        .as("a link to the match in the console, none to the API")
        .contains(consoleUrl + "/matches/" + forDe.get("id"))
        .doesNotContain("/api/v1/");
    MimeMessage chinese = mailTo(zh.get("email").asText()).get(0);
    assertThat(chinese.getSubject()).startsWith("新匹配");
    assertThat(body(chinese))
        .contains("您好")
        .contains("共同概念：激光雷达、感知传感器")
        .contains(consoleUrl + "/matches/" + forZh.get("id"));
    assertThat(eventsAndChannels(notificationsOf(de)))
        .as("the German expert is told of their own proposal only, on each of their channels")
        .containsExactlyInAnyOrder(deEvent + "/EMAIL", deEvent + "/IN_APP");
    assertThat(eventsAndChannels(notificationsOf(zh)))
        .as("the Chinese expert is told of their own proposal only")
        .containsExactly(zhEvent + "/EMAIL");

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> RECEIVER.received("/hooks/" + unit).size() == 2);
    Map<String, String> ownerOfEvent = Map.of(deEvent, id(de), zhEvent, id(zh));
    List<String> hookedEvents = new ArrayList<>();
    for (WebhookReceiver.Received hook : RECEIVER.received("/hooks/" + unit)) {
      assertThat(signatureValid(sub.get("secret").asText(), hook)).isTrue();
      assertThat(
              Math.abs(
                  Long.parseLong(hook.headers().get("webhook-timestamp"))
                      - Instant.now().getEpochSecond()))
          .isLessThan(60);
      JsonNode envelope = JSON.readTree(hook.body());
      assertThat(envelope.get("type").asText()).isEqualTo("match.proposed");
      assertThat(Contracts.eventViolations("match.proposed", envelope.get("data").toString()))
          .isEmpty();
      String eventId = envelope.get("id").asText();
      hookedEvents.add(eventId);
      assertThat(envelope.get("data").get("ownerExpertId").asText())
          .isEqualTo(ownerOfEvent.get(eventId));
    }
    assertThat(hookedEvents)
        .as("the unit's subscription hears of every proposal, whoever owns it")
        .containsExactlyInAnyOrder(deEvent, zhEvent);

    as("expert", id(de))
        .get("/api/v1/experts/" + id(de) + "/inbox")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].matchId", equalTo(forDe.get("id")))
        .body("items[0].title", equalTo("Lidar perception for urban automated driving"))
        .body("items[0].read", equalTo(false))
        .body("unread", equalTo(1));
  }

  @Test
  void aQueuedProposalReachesNoExpertButTheSubscriptionAndItsAssignmentTellsTheNewOwner()
      throws Exception {
    String unit = unit();
    String path = "/hooks/" + unit;
    JsonNode a = createExpert(expert(unit, "en", List.of("EMAIL", "IN_APP")));
    JsonNode b = createExpert(expert(unit, "de", List.of("EMAIL", "IN_APP")));
    subscribe(unit, path, List.of("match.proposed", "match.assigned"));

    Map<String, Object> match = MatchEvents.match(unit, "PROPOSED", 0.74);
    String proposed = UUID.randomUUID().toString();
    MatchEvents.publish(bootstrapServers, proposed, "match.proposed", match);
    await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVER.received(path).size() == 1);
    JsonNode queued = JSON.readTree(RECEIVER.received(path).get(0).body());
    assertThat(queued.get("id").asText()).isEqualTo(proposed);
    assertThat(queued.get("data").get("ownerExpertId").isNull()).isTrue();
    assertThat(notificationsOf(a)).as("no expert hears of a queued proposal").isEmpty();
    assertThat(notificationsOf(b)).as("no expert hears of a queued proposal").isEmpty();

    match.put("ownerExpertId", id(b));
    match.put("version", 2);
    match.put("updatedAt", Instant.now().toString());
    String assigned = UUID.randomUUID().toString();
    MatchEvents.publish(bootstrapServers, assigned, "match.assigned", match);
    await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVER.received(path).size() == 2);
    assertThat(JSON.readTree(RECEIVER.received(path).get(1).body()).get("type").asText())
        .isEqualTo("match.assigned");
    assertThat(eventsAndChannels(notificationsOf(b)))
        .as("the new owner, on each of their channels")
        .containsExactlyInAnyOrder(assigned + "/EMAIL", assigned + "/IN_APP");
    assertThat(notificationsOf(a)).as("another expert of the unit").isEmpty();
    as("expert", id(b))
        .get("/api/v1/experts/" + id(b) + "/inbox")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].matchId", equalTo(match.get("id")));
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(mailTo(b.get("email").asText())).hasSize(1));
    assertThat(mailTo(a.get("email").asText())).isEmpty();
  }

  @Test
  void anOverduePilotIsToldToThePilotsOwnerInTheAppOnly() throws Exception {
    String unit = unit();
    String path = "/hooks/" + unit;
    JsonNode reviewer = createExpert(expert(unit, "en", List.of("EMAIL", "IN_APP")));
    JsonNode pilotOwner = createExpert(expert(unit, "de", List.of("EMAIL", "IN_APP")));
    subscribe(unit, path, List.of("match.pilot-overdue"));

    Map<String, Object> match =
        MatchEvents.withOverduePilot(
            MatchEvents.match(unit, "PROPOSED", 0.74, id(reviewer)), id(pilotOwner));
    String overdue = UUID.randomUUID().toString();
    MatchEvents.publish(bootstrapServers, overdue, "match.pilot-overdue", match);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                as("expert", id(pilotOwner))
                    .get("/api/v1/experts/" + id(pilotOwner) + "/inbox")
                    .then()
                    .statusCode(200)
                    .body("items.matchId", equalTo(List.of(match.get("id")))));
    assertThat(eventsAndChannels(notificationsOf(pilotOwner)))
        .as("in the app, not by e-mail")
        .containsExactly(overdue + "/IN_APP");
    assertThat(notificationsOf(reviewer)).as("the match's reviewer").isEmpty();
    await().atMost(Duration.ofSeconds(15)).until(() -> RECEIVER.received(path).size() == 1);
    JsonNode hook = JSON.readTree(RECEIVER.received(path).get(0).body());
    assertThat(hook.get("type").asText()).isEqualTo("match.pilot-overdue");
    assertThat(hook.get("id").asText()).isEqualTo(overdue);
  }

  static String body(MimeMessage m) throws Exception {
    Object content = m.getContent();
    if (content instanceof jakarta.mail.Multipart multipart) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        Object part = multipart.getBodyPart(i).getContent();
        if (part instanceof jakarta.mail.Multipart inner) {
          for (int j = 0; j < inner.getCount(); j++) {
            s.append(inner.getBodyPart(j).getContent());
          }
        } else {
          s.append(part);
        }
      }
      return s.toString();
    }
    return content.toString();
  }

  /**
   * An event written before concepts had labels and stop words were left out: the mail still names
   * the concepts as best it can and shows no stop word.
   */
  @Test
  @SuppressWarnings("unchecked")
  void anOlderEventWithoutLabelsStillReadsWellInTheExpertsLanguage() throws Exception {
    String unit = unit();
    JsonNode de = createExpert(expert(unit, "de", List.of("EMAIL")));
    Map<String, Object> match = MatchEvents.match(unit, "PROPOSED", 0.7, id(de));
    for (Map<String, Object> c : (List<Map<String, Object>>) match.get("breakdown")) {
      if (c.get("component").equals("text")) {
        c.put(
            "evidence",
            Map.of(
                "language",
                "zh",
                "translated",
                true,
                "terms",
                List.of("激光雷达", "的", "感知", "在", "和")));
      } else if (c.get("component").equals("concepts")) {
        c.put(
            "evidence",
            Map.of(
                "matched",
                List.of(
                    Map.of(
                        "concept",
                        "lidar",
                        "match",
                        "exact",
                        "needTerms",
                        List.of("lidar"),
                        "startupTerms",
                        List.of("激光雷达")))));
      }
    }
    MatchEvents.publish(bootstrapServers, UUID.randomUUID().toString(), "match.proposed", match);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(mailTo(de.get("email").asText())).hasSize(1));

    String body = body(mailTo(de.get("email").asText()).get(0));
    assertThat(body).as("no label: the id").contains("Gemeinsame Konzepte: lidar");
    assertThat(body.lines().filter(line -> line.contains("Übereinstimmende Begriffe")))
        .as("the matching terms, in the text and the HTML part")
        .hasSize(2)
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains("Übereinstimmende Begriffe: 激光雷达, 感知")
                    .doesNotContain("的", "在", "和"));
  }

  @Test
  void theSameEventDeliveredThreeTimesNotifiesEachRecipientOncePerChannel() throws Exception {
    String unit = unit();
    JsonNode en = createExpert(expert(unit, "en", List.of("EMAIL", "IN_APP")));
    subscribe(unit, "/hooks/" + unit, List.of("match.proposed"));
    Map<String, Object> match = MatchEvents.match(unit, "PROPOSED", 0.8, id(en));
    String eventId = UUID.randomUUID().toString();
    for (int i = 0; i < 3; i++) {
      MatchEvents.publish(bootstrapServers, eventId, "match.proposed", match);
    }
    // a later, different event for the same unit marks when the three copies have been consumed
    MatchEvents.publish(
        bootstrapServers,
        UUID.randomUUID().toString(),
        "match.proposed",
        MatchEvents.match(unit, "PROPOSED", 0.8, id(en)));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> mailTo(en.get("email").asText()).size() == 2);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> RECEIVER.received("/hooks/" + unit).size() == 2);
    await() // anything a duplicate would have caused has had time to arrive
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(
            () ->
                mailTo(en.get("email").asText()).size() == 2
                    && RECEIVER.received("/hooks/" + unit).size() == 2);
    as("admin", "ops")
        .queryParam("recipientId", en.get("id").asText())
        .get("/api/v1/notifications")
        .then()
        .statusCode(200)
        .body(
            "items.findAll { it.eventId == '" + eventId + "' }.size()", equalTo(2)) // EMAIL, IN_APP
        .body(
            "items.findAll { it.eventId == '" + eventId + "' }.status",
            equalTo(List.of("SENT", "SENT")));
  }

  @Test
  void aReceiverFailingForeverGetsTheSameSignedMessageOnEachRetryEndsDeadAndCanBeReplayed()
      throws Exception {
    String unit = unit();
    String path = "/hooks/" + unit;
    int attempts = config.retry().attempts();
    RECEIVER.failing(path, 1_000);
    JsonNode sub = subscribe(unit, path, List.of("match.proposed"));
    MatchEvents.publish(
        bootstrapServers,
        UUID.randomUUID().toString(),
        "match.proposed",
        MatchEvents.match(unit, "PROPOSED", 0.7));
    await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.received(path).size() == attempts);
    List<WebhookReceiver.Received> tries = RECEIVER.received(path);
    String id = tries.get(0).headers().get("webhook-id");
    assertThat(tries).extracting(r -> r.headers().get("webhook-id")).containsOnly(id);
    for (WebhookReceiver.Received r : tries) {
      assertThat(signatureValid(sub.get("secret").asText(), r)).isTrue();
    }
    assertThat(Duration.between(tries.get(0).at(), tries.get(attempts - 1).at()))
        .as("each retry waited for its back-off")
        .isGreaterThanOrEqualTo(shortestBackOffs(attempts - 1));
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                as("bu-staff", unit)
                    .queryParam("status", "DEAD")
                    .get("/api/v1/notifications")
                    .then()
                    .statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.hasItem(id)));
    as("bu-staff", unit)
        .get("/api/v1/notifications/" + id)
        .then()
        .body("attempts", equalTo(attempts))
        .body("lastError", equalTo("HTTP 500: not today"));
    await("no attempt after DEAD")
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> RECEIVER.received(path).size() == attempts);

    RECEIVER.failing(path, 0);
    as("bu-staff", unit)
        .post("/api/v1/notifications/" + id + "/replay")
        .then()
        .statusCode(200)
        .body("status", equalTo("PENDING"))
        .body("attempts", equalTo(0));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> RECEIVER.received(path).size() == attempts + 1);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                as("bu-staff", unit)
                    .get("/api/v1/notifications/" + id)
                    .then()
                    .body("status", equalTo("SENT"))
                    .body("attempts", equalTo(1)));
    as("bu-staff", unit)
        .post("/api/v1/notifications/" + id + "/replay")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:garagematch:problem:not-replayable"));
  }

  /** The least time {@code retries} retries wait in all: each back-off's shortest draw. */
  Duration shortestBackOffs(int retries) {
    Instant t = Instant.EPOCH;
    for (int attempt = 1; attempt <= retries; attempt++) {
      t = schedule.retryAt(t, attempt, () -> 0L);
    }
    return Duration.between(Instant.EPOCH, t);
  }

  @Test
  void aHangingReceiverDoesNotDelayTheOthers() throws Exception {
    DeliveryLatencyBenchmark.BesideAHangingReceiver run =
        DeliveryLatencyBenchmark.besideAHangingReceiver(RECEIVER, bootstrapServers, 5);
    // had the delivery waited for the hanging receiver, it would have come 2 s (its timeout) later
    assertThat(run.afterTheHangingOne())
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d).isLessThan(Duration.ofMillis(1_000)));
  }

  @Test
  void theInboxStreamPushesANewItemWithinASecond() throws Exception {
    assertThat(DeliveryLatencyBenchmark.inboxStreamLatencies(bootstrapServers, 1))
        .singleElement()
        .satisfies(latency -> assertThat(latency).isLessThan(Duration.ofSeconds(1)));
  }

  @Test
  void anExpertCannotReadAnotherExpertsInboxNorBuStaffAnotherUnitsSubscriptions() throws Exception {
    String unit = unit();
    JsonNode a = createExpert(expert(unit, "en", List.of("IN_APP")));
    JsonNode b = createExpert(expert(unit, "de", List.of("IN_APP")));
    as("expert", a.get("id").asText())
        .get("/api/v1/experts/" + b.get("id").asText() + "/inbox")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as("expert", a.get("id").asText())
        .get("/api/v1/experts/" + b.get("id").asText() + "/inbox/stream")
        .then()
        .statusCode(404);
    String theirs = subscribe(unit, "/hooks/" + unit, List.of("match.proposed")).get("id").asText();
    String other = unit();
    as("bu-staff", other).get("/api/v1/subscriptions/" + theirs).then().statusCode(404);
    as("bu-staff", other)
        .get("/api/v1/subscriptions")
        .then()
        .statusCode(200)
        .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(theirs)));
    as("bu-staff", unit)
        .get("/api/v1/subscriptions/" + theirs)
        .then()
        .statusCode(200)
        .body("secret", org.hamcrest.Matchers.nullValue());
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("businessUnit", unit);
    s.put("url", RECEIVER.url("/x"));
    s.put("eventTypes", List.of("match.proposed"));
    as("bu-staff", other).body(s).post("/api/v1/subscriptions").then().statusCode(403);
  }

  @Test
  void hostileInputIsAClearProblemNeverAFault() {
    // a token whose expert id is no id at all acts for no expert
    given()
        .header("Authorization", "Bearer " + TestTokens.forExpert("not-a-uuid", unit()))
        .get("/api/v1/notifications")
        .then()
        .statusCode(200)
        .body("items", org.hamcrest.Matchers.hasSize(0));
    Map<String, Object> nul = expert(unit(), "en", List.of("IN_APP"));
    nul.put("name", "Dr.\u0000Li");
    as("admin", "ops")
        .body(nul)
        .post("/api/v1/experts")
        .then()
        .statusCode(400)
        .body("violations.field", org.hamcrest.Matchers.hasItem("name"))
        .body(
            "violations.message",
            org.hamcrest.Matchers.hasItem("must not contain the NUL character (U+0000)"));
    as("admin", "ops")
        .queryParam(
            "cursor",
            "KzMwMDAwMC0wMS0wMVQwMDowMDowMFp8MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw")
        .get("/api/v1/notifications")
        .then()
        .statusCode(400)
        .body("violations.field", org.hamcrest.Matchers.hasItem("cursor"));
  }

  @Test
  void aDailyDigestGathersTheExpertsMatchesIntoOneMailAtEightInTheirTimeZone() throws Exception {
    String unit = unit();
    Map<String, Object> body = expert(unit, "en", List.of("EMAIL"));
    body.put("delivery", "DAILY_DIGEST");
    body.put("timeZone", "America/New_York");
    JsonNode expert = createExpert(body);
    String id = expert.get("id").asText();
    for (int i = 0; i < 2; i++) {
      MatchEvents.publish(
          bootstrapServers,
          UUID.randomUUID().toString(),
          "match.proposed",
          MatchEvents.match(unit, "PROPOSED", 0.6 + i / 10.0, id));
    }
    java.time.ZonedDateTime local = Instant.now().atZone(java.time.ZoneId.of("America/New_York"));
    java.time.ZonedDateTime eight = local.withHour(8).withMinute(0).withSecond(0).withNano(0);
    String due = (eight.isAfter(local) ? eight : eight.plusDays(1)).toInstant().toString();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                as("admin", "ops")
                    .queryParam("recipientId", id)
                    .get("/api/v1/notifications")
                    .then()
                    .body("items.size()", equalTo(2))
                    .body("items.status", equalTo(List.of("PENDING", "PENDING")))
                    .body("items.digest", equalTo(List.of(true, true)))
                    .body("items.nextAttemptAt", equalTo(List.of(due, due))));
    assertThat(mailTo(expert.get("email").asText())).isEmpty();

    // 08:00 in New York has come
    io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .run(
            () ->
                notifications.update(
                    "nextAttemptAt = ?1 where recipientId = ?2",
                    Instant.now(),
                    UUID.fromString(id)));
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(mailTo(expert.get("email").asText())).hasSize(1));
    MimeMessage digest = mailTo(expert.get("email").asText()).get(0);
    assertThat(digest.getSubject()).isEqualTo("GarageMatch daily digest: 2 new matches");
    assertThat(body(digest))
        .contains("0.60")
        .contains("0.70")
        .contains("Lidar perception")
        .contains(consoleUrl + "/matches/");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                as("admin", "ops")
                    .queryParam("recipientId", id)
                    .get("/api/v1/notifications")
                    .then()
                    .body("items.status", equalTo(List.of("SENT", "SENT"))));
  }
}
