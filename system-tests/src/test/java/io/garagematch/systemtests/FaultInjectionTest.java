package io.garagematch.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.garagematch.infra.ApiClient;
import io.garagematch.infra.LocalPostgres;
import io.garagematch.infra.Ports;
import io.garagematch.infra.Programme;
import io.garagematch.infra.TestTokens;
import io.garagematch.infra.bench.Backlog;
import io.garagematch.infra.bench.Memory;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Breaks the running suite on purpose, with a partner submitting startups all the while, and
 * reconciles after each fault: nothing acknowledged is lost, nothing is doubled, every service is
 * ready again by itself. Its own broker (a process of its own, to be killed and frozen), its own
 * PostgreSQL (to be restarted), its own three packaged services, so no other test sees its faults.
 *
 * <p>Results are written to {@code target/reliability.md}; with {@code -Dfaults.write-docs=true}
 * also to {@code docs/reliability.md}.
 */
@Order(Integer.MAX_VALUE - 1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

  static final int RATE = 5; // startups a second, all the while
  static final Duration DOWN = Duration.ofSeconds(30);
  static final Duration SETTLE = Duration.ofSeconds(300);
  static final int BURST_RATE = 100; // startups a second
  static final Duration BURST = Duration.ofSeconds(10);
  static final String[] UNITS = {"Fault Suite – Cockpit", "Fault Suite – Battery"};

  static Path dir;
  static BrokerProcess broker;
  static LocalPostgres postgres;
  static FlakyReceiver receiver;
  static RunningServices.Services started;
  static volatile ServiceProcess applications;
  static volatile ServiceProcess matching;
  static volatile ServiceProcess notifications;

  /** Held while a service is killed or restarted, by the tests or by the liveness probe. */
  static final Object RESTARTING = new Object();

  static LivenessProbe liveness;
  static Reconciliation reconciliation;
  static final List<String> results = new ArrayList<>();
  static final List<String> burstFigures = new ArrayList<>();
  // what the reconciliation expects, grown by the burst's programme
  static final Map<String, String> needs = new LinkedHashMap<>();
  static final Map<String, String> experts = new LinkedHashMap<>();
  static final Map<String, String> subscriptions = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createDirectories(Path.of("target", "faults-" + System.nanoTime()));
    broker = BrokerProcess.start(dir.resolve("broker"));
    postgres =
        // durable, as in production: a crash of a server that returns before its commit is
        // written loses what it had acknowledged (measured: a row committed just before gone)
        LocalPostgres.start(
            Ports.free(), dir.resolve("pgdata"), Path.of("target", "pg-bin"), true, true);
    // retried as in production, not given up after two attempts as the other system tests want:
    // the local SMTP catcher now and then garbles its greeting, and an e-mail must outlive that
    started =
        RunningServices.start(
            broker.bootstrapServers(),
            postgres,
            "faults_",
            dir,
            Map.of(
                "GARAGEMATCH_NOTIFICATIONS_RETRY_ATTEMPTS", "10",
                "GARAGEMATCH_NOTIFICATIONS_RETRY_MAX_DELAY", "5S"));
    receiver = new FlakyReceiver();
    applications = started.applications();
    matching = started.matching();
    notifications = started.notifications();
    liveness =
        new LivenessProbe(
            () -> List.of(applications, matching, notifications),
            FaultInjectionTest::replaced,
            RESTARTING);
    String[][] topics = {
      {
        "Driver monitoring camera for fatigue and distraction",
        "An infrared camera that detects driver drowsiness and distraction in real time.",
        "driver monitoring"
      },
      {
        "Battery health analytics for the electric fleet",
        "Predict battery state of health of electric vehicles from their charging data.",
        "battery state of health"
      }
    };
    for (int u = 0; u < UNITS.length; u++) {
      String unit = UNITS[u];
      String staff = "Bearer " + TestTokens.forRole("bu-staff", unit);
      needs.put(
          given()
              .header("Authorization", staff)
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "businessUnit",
                      unit,
                      "language",
                      "en",
                      "title",
                      topics[u][0],
                      "problemStatement",
                      topics[u][1],
                      "keywords",
                      List.of(topics[u][2]),
                      "minTrl",
                      5,
                      "innovationFields",
                      List.of("AUTOMATED_DRIVING", "ARTIFICIAL_INTELLIGENCE")))
              .post(matching.url() + "/api/v1/needs")
              .then()
              .log()
              .ifValidationFails()
              .statusCode(201)
              .extract()
              .path("id"),
          unit);
      for (int e = 0; e < 2; e++) {
        experts.put(
            given()
                .header("Authorization", "Bearer " + TestTokens.forRole("admin", "ops"))
                .contentType(ContentType.JSON)
                .body(
                    Map.of(
                        "name",
                        "Expert " + e,
                        "email",
                        "expert-" + UUID.randomUUID() + "@example.com",
                        "businessUnit",
                        unit,
                        "language",
                        "en",
                        "channels",
                        List.of("EMAIL"),
                        "timeZone",
                        "Asia/Shanghai"))
                .post(notifications.url() + "/api/v1/experts")
                .then()
                .statusCode(201)
                .extract()
                .path("id"),
            unit);
      }
      subscriptions.put(
          given()
              .header("Authorization", staff)
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "businessUnit",
                      unit,
                      "url",
                      receiver.url() + "/" + u,
                      "eventTypes",
                      List.of("match.proposed")))
              .post(notifications.url() + "/api/v1/subscriptions")
              .then()
              .statusCode(201)
              .extract()
              .path("id"),
          unit);
    }
    reconciliation =
        new Reconciliation(
            broker.bootstrapServers(),
            postgres.jdbcUrl("faults_applications"),
            postgres.jdbcUrl("faults_matching"),
            postgres.jdbcUrl("faults_notifications"),
            started.caught().resolve("mail"),
            needs.keySet(),
            experts,
            subscriptions,
            receiver::taken);
    matchingKnowsTheExperts();
  }

  /** Matching learns of the experts from expert-events: wait for it before startups arrive. */
  static void matchingKnowsTheExperts() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              try (var db = Reconciliation.connect(postgres.jdbcUrl("faults_matching"));
                  var rs = db.createStatement().executeQuery("select count(*) from expert")) {
                return rs.next() && rs.getInt(1) >= experts.size();
              }
            });
  }

  /** Kills {@code service} at once (SIGKILL) and starts it again. */
  static void killAndRestart(ServiceProcess service) throws Exception {
    synchronized (RESTARTING) {
      replaced(service.killAndRestart());
    }
  }

  static void replaced(ServiceProcess restarted) {
    switch (restarted.name) {
      case "applications-service" -> applications = restarted;
      case "matching-service" -> matching = restarted;
      case "notifications-service" -> notifications = restarted;
      default -> throw new IllegalArgumentException(restarted.name);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    String report =
        "# Reliability: faults injected into the running suite\n\n"
            + "Measured by `FaultInjectionTest` (system-tests) on "
            + Instant.now().toString().substring(0, 10)
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores: the packaged services, a Kafka broker in a process of its own, PostgreSQL;"
            + " a partner submits "
            + RATE
            + " startups a second while each fault lasts, then the reconciliation check runs"
            + " (`Reconciliation`): every 201 stored, published as one event and known to"
            + " matching; every notification the match events call for present once and"
            + " delivered; one e-mail per e-mail notification.\n\n"
            + "| fault | sent | answers | accepted | published (records) | matched | match events |"
            + " notifications delivered / expected | e-mails (distinct Message-IDs) | ready again"
            + " | restarted by the liveness probe | outcome |\n"
            + "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n"
            + String.join("\n", results)
            + "\n\n"
            + String.join("\n", burstFigures)
            + (burstFigures.isEmpty() ? "" : "\n\n")
            + "_answers_: HTTP status → count; 0 means no answer at all (the intake process itself was dead and restarting);\n"
            + "503 always came with `Retry-After` (one without would be counted as -503 and fail the row).\n"
            + "_published (records)_: applications published as one event, and the records on the topic: a record\n"
            + "more is a copy the outbox relay sent again after the broker fault, with the same `ce_id` (consumers\n"
            + "drop it). Each row's figures count everything since the suite started: each reconciliation covers\n"
            + "the earlier faults too. _restarted by the liveness probe_: the suite probes each service as\n"
            + "`deploy/k8s` does (`/q/health/live` every 10 s, 3 s timeout, restarted after three failures in a\n"
            + "row), through every fault. Regenerate with\n"
            + "`./mvnw -B install -DskipTests && ./mvnw -B verify -pl system-tests -Dtest=FaultInjectionTest -Dfaults.write-docs=true`.\n";
    Files.writeString(Path.of("target", "reliability.md"), report, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("faults.write-docs")) {
      Files.writeString(Path.of("..", "docs", "reliability.md"), report, StandardCharsets.UTF_8);
    }
    System.out.print(report);
    if (liveness != null) {
      liveness.close();
    }
    for (AutoCloseable c : new AutoCloseable[] {applications, matching, notifications}) {
      if (c != null) {
        c.close();
      }
    }
    if (started != null) {
      started.catchers().close();
    }
    if (broker != null) {
      broker.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  /** Runs the fault with traffic flowing, then reconciles everything sent so far. */
  static void underTraffic(String fault, FaultAction action) throws Exception {
    underTraffic(fault, () -> new Traffic(() -> applications.url(), RATE), action);
  }

  static void underTraffic(String fault, Supplier<Traffic> startTraffic, FaultAction action)
      throws Exception {
    int restartsBefore = liveness.restarts().size();
    Traffic traffic = startTraffic.get();
    long t0 = System.nanoTime();
    String outcome = "passed";
    Reconciliation.Figures f = null;
    try {
      action.run();
      Thread.sleep(3_000); // traffic goes on after the fault is lifted
      traffic.close();
      long ready = System.nanoTime();
      allReady();
      double readyAfter = (System.nanoTime() - ready) / 1e9;
      assertThat(traffic.statuses().keySet())
          .as(
              "intake answered 201, or 503 with Retry-After, or (while its process was dead)"
                  + " not at all: "
                  + traffic.examples())
          .allMatch(s -> s == 201 || s == 503 || s == 0);
      long settling = System.nanoTime();
      f = reconciliation.check(accepted(traffic), SETTLE, notificationsKills);
      System.out.printf(
          Locale.ROOT,
          "fault %s: ready again after %.0f s, reconciled %.0f s later%n",
          fault,
          readyAfter,
          (System.nanoTime() - settling) / 1e9);
      results.add(
          row(
              fault,
              traffic,
              f,
              String.format(Locale.ROOT, "%.0f s", readyAfter),
              restartedSince(restartsBefore),
              outcome));
    } catch (Throwable e) {
      traffic.close();
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      outcome = "FAILED: " + (why.length() > 200 ? why.substring(0, 200) + "…" : why);
      results.add(row(fault, traffic, f, "?", restartedSince(restartsBefore), outcome));
      throw e;
    } finally {
      System.out.printf(
          Locale.ROOT, "fault %s: %.0f s, %s%n", fault, (System.nanoTime() - t0) / 1e9, outcome);
    }
  }

  /** Kills of notifications-service so far: each may leave one e-mail sent twice. */
  static int notificationsKills;

  static final Set<String> everAccepted = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** All the suite's accepted applications so far: each check covers the earlier faults too. */
  static Set<String> accepted(Traffic traffic) {
    everAccepted.addAll(traffic.accepted());
    return Set.copyOf(everAccepted);
  }

  /** The services the liveness probe restarted since the {@code before}th restart. */
  static String restartedSince(int before) {
    List<LivenessProbe.Restart> all = liveness.restarts();
    return all.size() == before
        ? "none"
        : String.join(
            ", ", all.subList(before, all.size()).stream().map(r -> r.service()).toList());
  }

  static String row(
      String fault,
      Traffic t,
      Reconciliation.Figures f,
      String ready,
      String restarted,
      String outcome) {
    if (f == null) {
      return String.format(
          "| %s | %d | %s | %d | | | | | | %s | %s | %s |",
          fault, t.sent(), t.statuses(), t.accepted().size(), ready, restarted, outcome);
    }
    return String.format(
        "| %s | %d | %s | %d | %d (%d) | %d | %d | %d / %d | %d (%d) | %s | %s | %s |",
        fault,
        t.sent(),
        t.statuses(),
        t.accepted().size(),
        f.published(),
        f.publishedCopies(),
        f.known(),
        f.matchEvents(),
        f.delivered(),
        f.expectedNotifications(),
        f.mails(),
        f.distinctMessageIds(),
        ready,
        restarted,
        outcome);
  }

  interface FaultAction {
    void run() throws Exception;
  }

  static void allReady() {
    for (ServiceProcess s : List.of(applications, matching, notifications)) {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                given().get(s.url() + "/q/health/live").then().statusCode(200);
                given().get(s.url() + "/q/health/ready").then().statusCode(200);
              });
    }
  }

  @Test
  @Order(1)
  void brokerKilledAndDownForThirtySeconds() throws Exception {
    underTraffic(
        "broker killed (SIGKILL), down 30 s, restarted",
        () -> {
          Thread.sleep(3_000);
          broker.kill();
          Thread.sleep(DOWN.toMillis());
          broker.restart();
        });
  }

  @Test
  @Order(2)
  void brokerFrozenForThirtySeconds() throws Exception {
    underTraffic(
        "broker frozen (SIGSTOP) 30 s, then SIGCONT",
        () -> {
          Thread.sleep(3_000);
          broker.freeze();
          Thread.sleep(DOWN.toMillis());
          broker.thaw();
        });
  }

  @Test
  @Order(3)
  void eachServiceKilledMidFlowAndRestarted() throws Exception {
    underTraffic(
        "each service killed (SIGKILL) mid-flow in turn, restarted",
        () -> {
          Thread.sleep(3_000);
          killAndRestart(applications);
          Thread.sleep(3_000);
          killAndRestart(matching);
          Thread.sleep(3_000);
          killAndRestart(notifications);
          notificationsKills++;
        });
  }

  @Test
  @Order(4)
  void poisonRecordsGoToTheDeadLetterTopicsAndTheFlowGoesOn() throws Exception {
    Map<String, String> poisoned = new LinkedHashMap<>();
    underTraffic(
        "a poison record into each consumed topic",
        () -> {
          try (KafkaProducer<String, String> producer =
              new KafkaProducer<>(
                  Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                  new StringSerializer(),
                  new StringSerializer())) {
            for (String topic :
                List.of(
                    "startup-applications",
                    "match-events",
                    "expert-events",
                    "erasure-confirmations")) {
              String key = "poison-" + UUID.randomUUID();
              producer.send(new ProducerRecord<>(topic, key, "{not json at all")).get();
              poisoned.put(topic, key);
            }
          }
        });
    for (Map.Entry<String, String> p : poisoned.entrySet()) {
      assertThat(
              new io.garagematch.infra.TopicReader(broker.bootstrapServers())
                  .byKey(p.getKey() + ".dlq", p.getValue(), 1))
          .as("the poison record of " + p.getKey() + " sits in its dead-letter topic")
          .isNotEmpty();
    }
  }

  @Test
  @Order(5)
  void databaseRestartedImmediately() throws Exception {
    underTraffic(
        "PostgreSQL restarted immediately (SIGQUIT: a crash, then WAL recovery)",
        () -> {
          Thread.sleep(3_000);
          long t0 = System.nanoTime();
          postgres.restartImmediately();
          System.out.printf(
              Locale.ROOT,
              "fault: PostgreSQL accepted connections again after %.1f s%n",
              (System.nanoTime() - t0) / 1e9);
        });
  }

  @Test
  @Order(6)
  void webhookReceiverHangsThenFailsThenRecovers() throws Exception {
    int hungBefore = receiver.seen(FlakyReceiver.Mode.HANG);
    int failedBefore = receiver.seen(FlakyReceiver.Mode.FAIL);
    underTraffic(
        "webhook receiver hangs 15 s (past the 5 s timeout), then answers 503 for 15 s, then recovers",
        () -> {
          Thread.sleep(3_000);
          receiver.mode(FlakyReceiver.Mode.HANG);
          Thread.sleep(15_000);
          receiver.mode(FlakyReceiver.Mode.FAIL);
          Thread.sleep(15_000);
          receiver.mode(FlakyReceiver.Mode.ANSWER);
        });
    System.out.printf(
        Locale.ROOT,
        "fault: the receiver held %d deliveries and refused %d%n",
        receiver.seen(FlakyReceiver.Mode.HANG) - hungBefore,
        receiver.seen(FlakyReceiver.Mode.FAIL) - failedBefore);
    assertThat(receiver.seen(FlakyReceiver.Mode.HANG)).isGreaterThan(hungBefore);
    assertThat(receiver.seen(FlakyReceiver.Mode.FAIL)).isGreaterThan(failedBefore);
  }

  @Test
  @Order(7)
  void aBurstOfThousandsAgainstAProgramme() throws Exception {
    ApiClient api = new ApiClient(TestTokens::forRole);
    Programme.Teams teams =
        Programme.registerTeams(api, notifications.url(), receiver.url() + "/programme");
    experts.putAll(teams.experts());
    subscriptions.putAll(teams.subscriptions());
    matchingKnowsTheExperts();
    // the new needs are matched against every startup of the faults before, at once
    needs.putAll(Programme.openNeeds(api, matching.url()));
    List<ObjectNode> startups = Programme.startups();
    Memory memory =
        new Memory(
            () ->
                Map.of(
                    applications.name, applications.pid(),
                    matching.name, matching.pid(),
                    notifications.name, notifications.pid()));
    memory.start();
    try {
      underTraffic(
          String.format(
              Locale.ROOT,
              "a burst of %d startups (%d/s for %d s) against %d open needs of %d units, with %d"
                  + " experts and %d webhook subscriptions",
              BURST_RATE * BURST.toSeconds(),
              BURST_RATE,
              BURST.toSeconds(),
              needs.size(),
              new HashSet<>(needs.values()).size(),
              experts.size(),
              subscriptions.size()),
          () -> new Traffic(() -> applications.url(), BURST_RATE, n -> burstStartup(startups, n)),
          () -> Thread.sleep(BURST.toMillis() - 3_000)); // the traffic goes on 3 s after
    } finally {
      memory.stop();
    }
    for (ServiceProcess s : List.of(applications, matching, notifications)) {
      assertThat(s.log()).as(s.name + " ran out of memory").doesNotContain("OutOfMemoryError");
    }
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(Backlog.records(admin))
                      .as("records some consumer group has still to read")
                      .isZero());
    }
    StringBuilder rss = new StringBuilder();
    memory
        .peaks()
        .forEach(
            (name, kb) ->
                rss.append(rss.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %d MB", name, kb / 1024)));
    burstFigures.add(
        "The burst, with each service's heap capped at 256 MB (`-Xmx256m`, as `./garagematch up`"
            + " runs them): largest resident set "
            + rss
            + "; no `OutOfMemoryError` logged, and every consumer group had read its topics to the"
            + " end once the check passed.");
  }

  /** The {@code n}th startup of the burst: one of the programme's profiles, made new. */
  static ObjectNode burstStartup(List<ObjectNode> startups, int n) {
    ObjectNode profile = startups.get(n % startups.size()).deepCopy();
    String unique = n + "-" + UUID.randomUUID().toString().substring(0, 8);
    profile.put("name", profile.path("name").asText() + " " + unique);
    profile.put("website", "https://burst-" + unique + ".example.com/");
    return profile;
  }
}
