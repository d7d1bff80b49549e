package io.garagematch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.garagematch.infra.EmbeddedKafka;
import io.garagematch.infra.TestInfra;
import io.garagematch.infra.TestTokens;
import io.garagematch.infra.TopicReader;
import io.garagematch.platform.testing.Contracts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An erasure sticks across the suite: a startup with a proposed match, an expert told by e-mail and
 * in-app, a subscribed webhook; the partner erases it, every other service confirms, a need changes
 * so that the startup would be scored again — and from then on no event on any topic, no webhook,
 * no e-mail and no inbox item carries the startup's name or pitch.
 */
@ExtendWith(RunningServices.class)
class ErasureEverywhereTest {

  @Test
  void afterAnErasureNothingOfTheStartupGoesOutAnywhere(RunningServices.Services services)
      throws Exception {
    String token = UUID.randomUUID().toString().substring(0, 8);
    String name = "ErasureProbe" + token; // ASCII, so it is findable in encoded e-mails too
    String pitch = "Pitchmark" + token + " infrared driver monitoring camera for fatigue detection";
    String other = UUID.randomUUID().toString().substring(0, 8); // names what is not the startup's
    String unit = "BU-erasure-" + other;
    String staff = TestTokens.forRole("bu-staff", unit);
    String admin = TestTokens.forRole("admin", "ops");
    String partner = TestTokens.forRole("partner", "erasure-partner-" + other);

    String expertId =
        created(
            Http.send(
                "POST",
                services.notifications().url() + "/api/v1/experts",
                admin,
                Map.of(
                    "name",
                    "Probe Expert",
                    "email",
                    "probe-" + other + "@example.com",
                    "businessUnit",
                    unit,
                    "language",
                    "en",
                    "channels",
                    List.of("EMAIL", "IN_APP"),
                    "minScore",
                    0.0,
                    "delivery",
                    "IMMEDIATE",
                    "timeZone",
                    "UTC"),
                null,
                null));
    created(
        Http.send(
            "POST",
            services.notifications().url() + "/api/v1/subscriptions",
            staff,
            Map.of(
                "businessUnit",
                unit,
                "url",
                services.hooksUrl() + "/erasure-" + other,
                "eventTypes",
                List.of("match.proposed", "match.updated", "match.withdrawn", "match.decided"),
                "minScore",
                0.0),
            null,
            null));
    Map<String, Object> need = need(unit, "Infrared driver monitoring against fatigue");
    String needId =
        created(
            Http.send(
                "POST", services.matching().url() + "/api/v1/needs", staff, need, null, null));
    String applicationId =
        created(
            Http.send(
                "POST",
                services.applications().url() + "/api/v1/applications",
                partner,
                startup(name, pitch, token),
                null,
                null));

    // before: the startup is ranked and proposed, and every channel names it
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ranking(services, staff, needId).contains(applicationId));
    await().atMost(Duration.ofSeconds(60)).until(() -> inbox(services, expertId).contains(name));
    await().atMost(Duration.ofSeconds(60)).until(() -> webhooks(services, null).contains(name));
    await().atMost(Duration.ofSeconds(60)).until(() -> mails(services, null).contains(name));

    // the erasure, confirmed by both other services
    Http.Reply erased =
        Http.send(
            "POST",
            services.applications().url() + "/api/v1/applications/" + applicationId + "/erasure",
            partner,
            null,
            null,
            null);
    assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        Http.send(
                                "GET",
                                services.applications().url()
                                    + "/api/v1/applications/"
                                    + applicationId,
                                partner,
                                null,
                                null,
                                null)
                            .json()
                            .path("erasureConfirmedBy")
                            .findValuesAsText("service"))
                    .containsExactlyInAnyOrder("matching-service", "notifications-service"));
    Instant confirmed = Instant.now();

    // a change of the need that would score the startup again
    Map<String, Object> changed = need(unit, "Infrared driver monitoring against fatigue, v2");
    Http.Reply update =
        Http.send(
            "PUT",
            services.matching().url() + "/api/v1/needs/" + needId,
            staff,
            changed,
            "\"1\"",
            null);
    assertThat(update.status()).as(update.toString()).isEqualTo(200);

    // after: nothing of the startup anywhere
    assertThat(ranking(services, staff, needId)).doesNotContain(applicationId);
    List<ConsumerRecord<String, String>> after = new ArrayList<>();
    TopicReader topics = new TopicReader(TestInfra.get().bootstrapServers());
    for (String topic : EmbeddedKafka.TOPICS.keySet()) {
      after.addAll(
          topics.read(
              topic,
              r -> r.timestamp() >= confirmed.toEpochMilli(),
              Integer.MAX_VALUE,
              Duration.ofSeconds(6),
              Duration.ofSeconds(1)));
    }
    assertThat(after)
        .as("records after the erasure")
        .isNotEmpty() // the need's own events at least
        .noneMatch(
            r -> r.value() != null && (r.value().contains(name) || r.value().contains(token)));
    List<ConsumerRecord<String, String>> erasedEvents =
        topics.read(
            "startup-applications",
            r ->
                applicationId.equals(r.key())
                    && "io.garagematch.application.erased.v1"
                        .equals(TopicReader.header(r, "ce_type")),
            1,
            Duration.ofSeconds(10),
            Duration.ofSeconds(1));
    assertThat(erasedEvents).hasSize(1);
    assertThat(Contracts.eventViolations("application.erased", erasedEvents.get(0).value()))
        .isEmpty();
    assertThat(erasedEvents.get(0).value()).doesNotContain(name).doesNotContain(token);
    assertThat(webhooks(services, confirmed)).doesNotContain(name).doesNotContain(token);
    assertThat(mails(services, confirmed)).doesNotContain(name).doesNotContain(token);
    assertThat(inbox(services, expertId)).doesNotContain(name).doesNotContain(token);
  }

  static Map<String, Object> need(String unit, String title) {
    Map<String, Object> n = new HashMap<>();
    n.put("businessUnit", unit);
    n.put("language", "en");
    n.put("title", title);
    n.put(
        "problemStatement",
        "Our cockpit needs an infrared camera system that detects driver fatigue and distraction"
            + " in real time and warns the driver within 500 ms.");
    n.put("keywords", List.of("driver monitoring", "infrared camera", "fatigue detection"));
    n.put("innovationFields", List.of("AUTOMATED_DRIVING"));
    n.put("minTrl", 4);
    n.put("matchThreshold", 0.2);
    return n;
  }

  static Map<String, Object> startup(String name, String pitch, String token) {
    Map<String, Object> s = new HashMap<>();
    s.put("name", name);
    s.put("website", "https://" + token + ".erasure.example.com");
    s.put("country", "DE");
    s.put("city", "Munich");
    s.put("language", "en");
    s.put("pitch", pitch);
    s.put(
        "description",
        "Our infrared camera and software detect driver fatigue and distraction in real time.");
    s.put("technologies", List.of("driver monitoring", "infrared camera"));
    s.put("innovationFields", List.of("AUTOMATED_DRIVING"));
    s.put("trl", 7);
    s.put("fundingStage", "SERIES_A");
    s.put("contact", Map.of("name", "Anna Probe", "email", "anna@" + token + ".example.com"));
    return s;
  }

  static String created(Http.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.id();
  }

  static String ranking(RunningServices.Services services, String staff, String needId) {
    return Http.send(
            "GET",
            services.matching().url() + "/api/v1/needs/" + needId + "/matches?limit=100",
            staff,
            null,
            null,
            null)
        .body();
  }

  static String inbox(RunningServices.Services services, String expertId) {
    JsonNode items =
        Http.send(
                "GET",
                services.notifications().url() + "/api/v1/experts/" + expertId + "/inbox",
                TestTokens.forRole("admin", "ops"),
                null,
                null,
                null)
            .json();
    return items.toString();
  }

  /** The webhook requests caught (since {@code since}, or all), as text. */
  static String webhooks(RunningServices.Services services, Instant since) throws IOException {
    Path log = services.caught().resolve("webhooks.log");
    if (!Files.exists(log)) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String entry : Files.readString(log).split("\n\n")) {
      String stamp = entry.strip().split(" ", 2)[0];
      if (!stamp.isEmpty() && (since == null || !Instant.parse(stamp).isBefore(since))) {
        out.append(entry).append("\n\n");
      }
    }
    return out.toString();
  }

  /** The e-mails caught (written since {@code since}, or all), as raw text. */
  static String mails(RunningServices.Services services, Instant since) throws IOException {
    Path dir = services.caught().resolve("mail");
    if (!Files.isDirectory(dir)) {
      return "";
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f -> {
                try {
                  return since == null || !Files.getLastModifiedTime(f).toInstant().isBefore(since);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .map(
              f -> {
                try {
                  return Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .reduce("", String::concat);
    }
  }
}
