package io.garagematch.infra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.garagematch.infra.ApiClient;
import io.garagematch.infra.Programme;
import io.garagematch.infra.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./garagematch bench}: measures the running local stack and writes what it found, each
 * figure beside a baseline measured in the same run, to {@code docs/performance.md}.
 *
 * <ul>
 *   <li><b>Intake</b>: an open-model generator sends valid startups at a constant rate, stepping
 *       the rate up; latency is taken from each request's <em>intended</em> send time
 *       (HdrHistogram), so a stalled server is not hidden by a generator that waits for it. A rate
 *       is held when fewer than 0.1 % of the requests fail and p99 stays under one second.
 *   <li><b>Its baseline</b>: the three INSERTs one intake makes (application, first version, outbox
 *       event), issued directly over JDBC to the same database by as many clients, in one
 *       transaction each, into scratch copies of the tables (schema {@code bench}, dropped after).
 *   <li><b>Pipeline</b>: at a fixed rate, the time from a 201 to the {@code match.proposed} record
 *       of that startup on {@code match-events}, beside the broker's own produce-to-consume time on
 *       a scratch topic.
 *   <li><b>Memory</b>: the largest resident set of each process while it ran.
 * </ul>
 */
public final class Bench {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration HELD_P99 = Duration.ofSeconds(1);
  static final double HELD_ERRORS = 0.001;
  static final Duration ABSORBED = Duration.ofSeconds(10);

  /** The longest the benchmark waits for the pipeline to catch up before it goes on. */
  static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

  private final Path state;
  private final Path root;
  private final Options options;
  private final Tokens tokens;
  private final List<ObjectNode> templates = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Memory memory;
  private final AtomicLong serial = new AtomicLong();

  record Options(
      int seconds,
      List<Integer> rates,
      int clients,
      int pipelineRate,
      String intakeUrl,
      String matchingUrl,
      String notificationsUrl,
      String hooksUrl,
      String jdbcUrl,
      String notificationsJdbcUrl,
      String bootstrap,
      boolean writeDocs) {

    static Options parse(String[] args) {
      Map<String, String> given = new LinkedHashMap<>();
      for (int i = 2; i + 1 < args.length; i += 2) {
        if (!args[i].startsWith("--")) {
          throw new IllegalArgumentException("expected --option value, got " + args[i]);
        }
        given.put(args[i].substring(2), args[i + 1]);
      }
      Map<String, String> env = System.getenv();
      String pg = "jdbc:postgresql://127.0.0.1:" + env.getOrDefault("GARAGEMATCH_PG_PORT", "15432");
      return new Options(
          Integer.parseInt(given.getOrDefault("seconds", "60")),
          List.of(given.getOrDefault("rates", "10,25,50,100,150,200,300").split(",")).stream()
              .map(String::trim)
              .map(Integer::parseInt)
              .toList(),
          Integer.parseInt(given.getOrDefault("clients", "8")),
          Integer.parseInt(given.getOrDefault("pipeline-rate", "10")),
          env.getOrDefault("APPLICATIONS_URL", "http://127.0.0.1:8081"),
          env.getOrDefault("MATCHING_URL", "http://127.0.0.1:8082"),
          env.getOrDefault("NOTIFICATIONS_URL", "http://127.0.0.1:8083"),
          "http://127.0.0.1:"
              + env.getOrDefault("GARAGEMATCH_HOOKS_PORT", "8090")
              + "/hooks/programme",
          env.getOrDefault("APPLICATIONS_DB_URL", pg + "/applications"),
          env.getOrDefault("NOTIFICATIONS_DB_URL", pg + "/notifications"),
          env.getOrDefault(
              "KAFKA_BOOTSTRAP_SERVERS",
              "127.0.0.1:" + env.getOrDefault("GARAGEMATCH_KAFKA_PORT", "9092")),
          !"false".equals(given.get("write-docs")));
    }
  }

  Bench(Path state, Path root, Options options) throws IOException {
    this.state = state;
    this.root = root;
    this.options = options;
    this.tokens =
        new Tokens(Tokens.readPrivateKey(state.resolve("jwt/private.pem")), Tokens.ISSUER);
    templates.addAll(Programme.startups());
    this.memory = Memory.ofPidFiles(state.resolve("pids"));
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Bench STATE_DIR ROOT_DIR [--seconds 60] [--rates 25,50,...]");
      System.exit(2);
    }
    Options options = Options.parse(args);
    Bench bench = new Bench(Path.of(args[0]), Path.of(args[1]), options);
    Report report = bench.run();
    String markdown = report.markdown();
    System.out.println();
    System.out.println(markdown);
    if (options.writeDocs()) {
      Report.writeInto(Path.of(args[1]).resolve("docs/performance.md"), markdown);
      System.out.println("written to docs/performance.md");
    }
  }

  Report run() throws Exception {
    Report report = new Report(options);
    memory.start();
    try {
      report.programme = programme();
      say("programme: %s", report.programme);
      say("intake: warm-up, 20 s at 10/s");
      intake(10, 20);
      // the baselines and the pipeline first, while nothing is left behind; the rising intake
      // steps last, as each may leave minutes of matching and notifying behind it
      drain();
      say("baseline: the same three INSERTs over JDBC, %d clients, %d s", options.clients(), 30);
      report.jdbc = jdbcBaseline(options.clients(), 30);
      say("  %s", report.jdbc.summary());
      say("baseline: the broker's own produce-to-consume time, %d/s for 30 s", 50);
      report.kafka = KafkaBaseline.run(options.bootstrap(), 50, 30);
      say("  %s", report.kafka.summary());
      drain();
      say("pipeline: %d/s for %d s, 201 to match.proposed", options.pipelineRate(), 60);
      report.pipeline = pipeline(options.pipelineRate(), 60);
      say("  %s", report.pipeline.summary());
      drain();
      say(
          "notifications: deliveries/s per channel while a backlog waits (a burst of 100/s, 20 s,"
              + " matched while notifications-service is frozen)");
      report.deliveries = deliveries(100, 20);
      say("  %s", report.deliveries);
      drain();
      for (int rate : options.rates()) {
        say("intake: %d/s for %d s", rate, options.seconds());
        Step step = intake(rate, options.seconds());
        step = step.drained(drain());
        report.intake.add(step);
        say("  %s", step.summary());
        if (!step.held()) {
          break;
        }
      }
    } finally {
      memory.stop();
    }
    report.memory = memory.peaks();
    Path ready = state.resolve("ready-times.txt");
    if (Files.exists(ready)) {
      report.readyTimes = Files.readAllLines(ready);
    }
    return report;
  }

  /**
   * Waits (up to five minutes) until the services have consumed what the last step produced and
   * sent every notification that was due. Returns how long that took.
   */
  private Duration drain() throws Exception {
    long start = System.nanoTime();
    Backlog.drain(options.bootstrap(), DRAIN_LIMIT);
    try (Connection db = connect(options.notificationsJdbcUrl())) {
      while (Backlog.notificationsDue(db) > 0
          && System.nanoTime() - start < DRAIN_LIMIT.toNanos()) {
        Thread.sleep(1_000);
      }
    }
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    say("  (the pipeline drained its backlog in %d s)", waited.toSeconds());
    return waited;
  }

  /**
   * The programme to match against ({@link Programme}), loaded once per stack: a second run finds
   * it there ({@code .garagematch/programme.loaded}).
   */
  private String programme() throws Exception {
    Path marker = state.resolve("programme.loaded");
    if (!Files.exists(marker)) {
      say("programme: loading 50 needs of ten units, three experts each, a webhook per unit");
      ApiClient api = ApiClient.signedBy(tokens);
      Programme.Teams teams =
          Programme.registerTeams(api, options.notificationsUrl(), options.hooksUrl());
      // matching learns of the experts from expert-events before the needs' first proposals
      Backlog.drain(options.bootstrap(), Duration.ofMinutes(1));
      Map<String, String> needs = Programme.openNeeds(api, options.matchingUrl());
      Files.writeString(
          marker,
          String.format(
              Locale.ROOT,
              "%d open needs of %d business units, %d experts (e-mail), %d webhook"
                  + " subscriptions to match.proposed",
              needs.size(),
              new HashSet<>(needs.values()).size(),
              teams.experts().size(),
              teams.subscriptions().size()));
    }
    return Files.readString(marker).trim() + ", besides the demo data";
  }

  /** One rate step: how many were sent, how many failed, latency from the intended send time. */
  record Step(
      int rate,
      int seconds,
      int sent,
      int errors,
      Histogram latency,
      double achieved,
      Duration drained) {

    boolean held() {
      return errors <= sent * HELD_ERRORS
          && latency.getValueAtPercentile(99) <= HELD_P99.toNanos()
          && achieved >= rate * 0.98;
    }

    /**
     * Whether the whole suite kept up: once the intake stopped, what was left of matching and
     * notifying was done within {@link #ABSORBED}.
     */
    boolean absorbed() {
      return drained != null && drained.compareTo(ABSORBED) <= 0;
    }

    Step drained(Duration after) {
      return new Step(rate, seconds, sent, errors, latency, achieved, after);
    }

    String summary() {
      return String.format(
          Locale.ROOT,
          "%d/s: sent %d (%.1f/s), errors %d, p50 %s p99 %s p99.9 %s max %s — %s; the suite"
              + " caught up %d s after — %s",
          rate,
          sent,
          achieved,
          errors,
          Report.ms(latency.getValueAtPercentile(50)),
          Report.ms(latency.getValueAtPercentile(99)),
          Report.ms(latency.getValueAtPercentile(99.9)),
          Report.ms(latency.getMaxValue()),
          held() ? "held" : "not held",
          drained == null ? -1 : drained.toSeconds(),
          absorbed() ? "absorbed" : "not absorbed");
    }
  }

  /** Sends {@code rate} startups a second for {@code seconds}, on schedule whatever the answers. */
  Step intake(int rate, int seconds) throws InterruptedException {
    Recorder recorder = new Recorder(3);
    AtomicInteger errors = new AtomicInteger();
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    double achieved =
        Pace.run(
            rate,
            seconds,
            intended ->
                inFlight.add(
                    submit()
                        .handle(
                            (status, failure) -> {
                              recorder.recordValue(Math.max(0, System.nanoTime() - intended));
                              if (failure != null || status != 201) {
                                errors.incrementAndGet();
                              }
                              return null;
                            })));
    try {
      CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      // those still waiting count as failed
    }
    long late = inFlight.stream().filter(f -> !f.isDone()).count();
    return new Step(
        rate,
        seconds,
        inFlight.size(),
        errors.get() + (int) late,
        recorder.getIntervalHistogram(),
        achieved,
        null);
  }

  /** POSTs one valid startup (a demo profile made unique); completes with the status. */
  CompletableFuture<Integer> submit() {
    return submitted().thenApply(HttpResponse::statusCode);
  }

  CompletableFuture<HttpResponse<String>> submitted() {
    long n = serial.incrementAndGet();
    ObjectNode profile = templates.get((int) (n % templates.size())).deepCopy();
    String unique = Long.toString(System.nanoTime(), 36) + "-" + n;
    profile.put("name", profile.path("name").asText() + " " + unique);
    profile.put("website", "https://bench-" + unique + ".example.com/");
    String partner = "bench-partner-" + (n % 64); // many partners, as in life: each has its limit
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(options.intakeUrl() + "/api/v1/applications"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token(partner))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(profile.toString(), StandardCharsets.UTF_8))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private final Map<String, String> tokenCache = new ConcurrentHashMap<>();

  private String token(String partner) {
    return tokenCache.computeIfAbsent(
        partner, p -> tokens.forRole("partner", p, Duration.ofHours(2)));
  }

  /** What the database alone allows for an intake's writes. */
  record Jdbc(int clients, int seconds, long transactions, Histogram latency) {
    double perSecond() {
      return transactions / (double) seconds;
    }

    String summary() {
      return String.format(
          Locale.ROOT,
          "%d clients: %.0f transactions/s, p50 %s p99 %s p99.9 %s",
          clients,
          perSecond(),
          Report.ms(latency.getValueAtPercentile(50)),
          Report.ms(latency.getValueAtPercentile(99)),
          Report.ms(latency.getValueAtPercentile(99.9)));
    }
  }

  Jdbc jdbcBaseline(int clients, int seconds) throws Exception {
    try (Connection admin = connect();
        Statement ddl = admin.createStatement()) {
      ddl.execute("drop schema if exists bench cascade");
      ddl.execute("create schema bench");
      ddl.execute("create table bench.application (like public.application including all)");
      ddl.execute(
          "create table bench.application_version (like public.application_version including all)");
      ddl.execute("create table bench.outbox_event (like public.outbox_event including all)");
    }
    Recorder recorder = new Recorder(3);
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> threads = new ArrayList<>();
    List<Exception> failures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread t =
          new Thread(
              () -> {
                try (Connection db = connect()) {
                  db.setAutoCommit(false);
                  PreparedStatement app =
                      db.prepareStatement(
                          "insert into bench.application (id, partner_id, version, status,"
                              + " registration_id, web_domain, profile, created_at, updated_at)"
                              + " values (?, ?, 1, 'SUBMITTED', null, ?, ?::jsonb, ?, ?)");
                  PreparedStatement version =
                      db.prepareStatement(
                          "insert into bench.application_version (application_id, version,"
                              + " change, status, changed_at, profile)"
                              + " values (?, 1, 'SUBMITTED', 'SUBMITTED', ?, ?::jsonb)");
                  PreparedStatement outbox =
                      db.prepareStatement(
                          "insert into bench.outbox_event (id, topic, message_key, type, source,"
                              + " subject, occurred_at, data, traceparent)"
                              + " values (?, 'startup-applications', ?,"
                              + " 'io.garagematch.application.submitted.v1',"
                              + " '/applications-service', ?, ?, ?::jsonb, null)");
                  while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    UUID id = UUID.randomUUID();
                    long n = serial.incrementAndGet();
                    ObjectNode profile = templates.get((int) (n % templates.size())).deepCopy();
                    String body = profile.toString();
                    Timestamp now = Timestamp.from(Instant.now());
                    app.setObject(1, id);
                    app.setString(2, "bench-partner-" + (n % 64));
                    app.setString(3, "bench-" + id + ".example.com");
                    app.setString(4, body);
                    app.setTimestamp(5, now);
                    app.setTimestamp(6, now);
                    app.executeUpdate();
                    version.setObject(1, id);
                    version.setTimestamp(2, now);
                    version.setString(3, body);
                    version.executeUpdate();
                    outbox.setObject(1, UUID.randomUUID());
                    outbox.setString(2, id.toString());
                    outbox.setString(3, id.toString());
                    outbox.setTimestamp(4, now);
                    outbox.setString(5, body);
                    outbox.executeUpdate();
                    db.commit();
                    recorder.recordValue(System.nanoTime() - t0);
                    done.incrementAndGet();
                  }
                } catch (Exception e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              },
              "jdbc-baseline-" + c);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    try (Connection admin = connect();
        Statement ddl = admin.createStatement()) {
      ddl.execute("drop schema bench cascade");
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("the JDBC baseline failed", failures.get(0));
    }
    return new Jdbc(clients, seconds, done.get(), recorder.getIntervalHistogram());
  }

  private Connection connect() throws Exception {
    return connect(options.jdbcUrl());
  }

  private static Connection connect(String url) throws Exception {
    return DriverManager.getConnection(
        url,
        System.getenv().getOrDefault("DB_USER", "postgres"),
        System.getenv().getOrDefault("DB_PASSWORD", "postgres"));
  }

  /**
   * Time from a 201 to its startup's first {@code match.proposed}; and, per channel, from the 201
   * and from the {@code match.proposed} record to each notification's delivery.
   */
  record Pipeline(
      int rate,
      int seconds,
      int accepted,
      int proposed,
      Histogram latency,
      Map<String, Histogram> acceptedToDelivery,
      Map<String, Histogram> proposedToDelivery) {
    String summary() {
      if (proposed == 0) {
        return String.format(
            Locale.ROOT,
            "%d/s: %d accepted, none proposed within a minute of the last (the pipeline was behind)",
            rate,
            accepted);
      }
      return String.format(
          Locale.ROOT,
          "%d/s: %d accepted, %d of them proposed for a need (the others fit none); p50 %s p99"
              + " %s p99.9 %s",
          rate,
          accepted,
          proposed,
          Report.ms(latency.getValueAtPercentile(50)),
          Report.ms(latency.getValueAtPercentile(99)),
          Report.ms(latency.getValueAtPercentile(99.9)));
    }
  }

  Pipeline pipeline(int rate, int seconds) throws Exception {
    Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    Map<String, Instant> acceptedWall = new ConcurrentHashMap<>();
    Map<String, Long> eventAt = new LinkedHashMap<>(); // match.proposed ce_id → record timestamp
    Recorder recorder = new Recorder(3);
    AtomicInteger proposed = new AtomicInteger();
    try (KafkaConsumer<String, String> consumer = consumer(options.bootstrap())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor("match-events").stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      Thread sender =
          new Thread(
              () ->
                  Pace.run(
                      rate,
                      seconds,
                      intended ->
                          submitted()
                              .thenAccept(
                                  r -> {
                                    if (r.statusCode() == 201) {
                                      long at = System.nanoTime();
                                      Instant wall = Instant.now();
                                      try {
                                        String id = JSON.readTree(r.body()).path("id").asText();
                                        acceptedAt.put(id, at);
                                        acceptedWall.put(id, wall);
                                      } catch (IOException e) {
                                        throw new IllegalStateException(e);
                                      }
                                    }
                                  })),
              "pipeline-sender");
      sender.start();
      Map<String, Long> proposedAt = new LinkedHashMap<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 60);
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
          Header type = r.headers().lastHeader("ce_type");
          if (type == null
              || !new String(type.value(), StandardCharsets.UTF_8).contains("match.proposed")) {
            continue;
          }
          String applicationId = JSON.readTree(r.value()).path("applicationId").asText();
          proposedAt.putIfAbsent(applicationId, System.nanoTime());
          if (acceptedWall.containsKey(applicationId)) {
            eventAt.put(
                new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8),
                r.timestamp());
          }
        }
        // the same startup is proposed for several needs: the first proposal counts
        proposedAt.forEach(
            (id, at) -> {
              Long accepted = acceptedAt.remove(id);
              if (accepted != null) {
                recorder.recordValue(Math.max(0, at - accepted));
                proposed.incrementAndGet();
              }
            });
        if (!sender.isAlive() && acceptedAt.isEmpty() && proposed.get() > 0) {
          break;
        }
      }
      sender.join();
    }
    Map<String, Histogram> fromAccepted = new LinkedHashMap<>();
    Map<String, Histogram> fromProposed = new LinkedHashMap<>();
    deliveryLatencies(eventAt, acceptedWall, fromAccepted, fromProposed);
    return new Pipeline(
        rate,
        seconds,
        proposed.get() + acceptedAt.size(),
        proposed.get(),
        recorder.getIntervalHistogram(),
        fromAccepted,
        fromProposed);
  }

  /**
   * Waits (up to a minute) until the notifications of these {@code match.proposed} events are sent,
   * then records per channel the time from the startup's 201 and from the event to each delivery.
   */
  private void deliveryLatencies(
      Map<String, Long> eventAt,
      Map<String, Instant> acceptedWall,
      Map<String, Histogram> fromAccepted,
      Map<String, Histogram> fromProposed)
      throws Exception {
    if (eventAt.isEmpty()) {
      return;
    }
    try (Connection db = connect(options.notificationsJdbcUrl());
        PreparedStatement waiting =
            db.prepareStatement(
                "select count(*) from notification where event_id = any(?) and sent_at is null"
                    + " and status in ('PENDING', 'FAILED') and next_attempt_at <= now()");
        PreparedStatement sent =
            db.prepareStatement(
                "select channel, event_id, application_id::text, sent_at from notification"
                    + " where event_id = any(?) and sent_at is not null")) {
      java.sql.Array ids = db.createArrayOf("varchar", eventAt.keySet().toArray());
      waiting.setArray(1, ids);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (System.nanoTime() < deadline) {
        try (var rs = waiting.executeQuery()) {
          rs.next();
          if (rs.getLong(1) == 0) {
            break;
          }
        }
        Thread.sleep(500);
      }
      sent.setArray(1, ids);
      try (var rs = sent.executeQuery()) {
        while (rs.next()) {
          String channel = rs.getString(1);
          Instant at = rs.getTimestamp(4).toInstant();
          Instant accepted = acceptedWall.get(rs.getString(3));
          if (accepted != null) {
            fromAccepted
                .computeIfAbsent(channel, c -> new Histogram(3))
                .recordValue(Math.max(0, Duration.between(accepted, at).toNanos()));
          }
          fromProposed
              .computeIfAbsent(channel, c -> new Histogram(3))
              .recordValue(
                  Math.max(
                      0,
                      Duration.between(Instant.ofEpochMilli(eventAt.get(rs.getString(2))), at)
                          .toNanos()));
        }
      }
    }
  }

  /**
   * Deliveries a second of each channel: {@code busy} counted only in the seconds that channel
   * began with a backlog (the dispatcher's own rate), {@code overall} from its first to its last
   * delivery of the burst (what the pipeline before it let it deliver).
   */
  record Deliveries(
      int rate,
      int seconds,
      Map<String, double[]> busy,
      Map<String, double[]> overall,
      long peakDue) {
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      overall.forEach(
          (channel, f) -> {
            text.append(text.length() == 0 ? "" : "; ")
                .append(
                    String.format(
                        Locale.ROOT,
                        "%s %.0f deliveries over %.0f s: %.0f/s overall",
                        channel,
                        f[0],
                        f[1],
                        f[0] / Math.max(f[1], 1e-9)));
            double[] b = busy.get(channel);
            text.append(
                b == null
                    ? ", never with "
                        + BACKLOG
                        + " due (it kept pace with routing: the backlog waited in the topic)"
                    : String.format(
                        Locale.ROOT,
                        ", %.0f/s over the %.0f s it began with ≥ %d due",
                        b[0],
                        b[1],
                        BACKLOG));
          });
      return text.append(
              String.format(Locale.ROOT, "; at most %d notifications due at once", peakDue))
          .toString();
    }
  }

  /** A channel counts as busy in a second that began with at least this many notifications due. */
  static final int BACKLOG = 100;

  /**
   * Sends a burst while notifications-service is frozen, so that its notifications pile up, then
   * resumes it and counts each channel's deliveries in the seconds it had a backlog: what the
   * dispatcher delivers when it is never short of work.
   */
  Deliveries deliveries(int rate, int seconds) throws Exception {
    Map<String, long[]> busy = new LinkedHashMap<>(); // channel → {deliveries, nanos}
    // channel → {sent at the first sample, sent at the last change, nanos of the first change,
    // nanos of the last change}
    Map<String, long[]> overall = new LinkedHashMap<>();
    long[] peak = {0};
    AtomicInteger done = new AtomicInteger();
    Thread sampler =
        new Thread(
            () -> {
              try (Connection db = connect(options.notificationsJdbcUrl());
                  PreparedStatement q =
                      db.prepareStatement(
                          "select channel, count(*) filter (where status = 'SENT'),"
                              + " count(*) filter (where status in ('PENDING', 'FAILED')"
                              + " and next_attempt_at <= now()) from notification group by"
                              + " channel")) {
                Map<String, long[]> last = new LinkedHashMap<>(); // channel → {sent, due, nanos}
                long quietSince = 0;
                while (true) {
                  long now = System.nanoTime();
                  long due = 0;
                  try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                      String channel = rs.getString(1);
                      long sent = rs.getLong(2);
                      long channelDue = rs.getLong(3);
                      due += channelDue;
                      long[] o =
                          overall.computeIfAbsent(channel, c -> new long[] {sent, sent, 0, 0});
                      if (sent != o[1]) {
                        o[2] = o[2] == 0 ? now : o[2];
                        o[1] = sent;
                        o[3] = now;
                      }
                      long[] before = last.put(channel, new long[] {sent, channelDue, now});
                      if (before != null && before[1] >= BACKLOG) {
                        long[] b = busy.computeIfAbsent(channel, c -> new long[2]);
                        b[0] += sent - before[0];
                        b[1] += now - before[2];
                      }
                    }
                  }
                  peak[0] = Math.max(peak[0], due);
                  if (done.get() == 1 && due == 0) {
                    quietSince = quietSince == 0 ? now : quietSince;
                    if (now - quietSince > TimeUnit.SECONDS.toNanos(3)) {
                      return;
                    }
                  } else {
                    quietSince = 0;
                  }
                  Thread.sleep(1_000);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "delivery-sampler");
    // notifications-service is frozen while the burst is matched, so that its backlog is the
    // burst's and not matching's pace: resumed, it routes and delivers what piled up meanwhile
    signalNotifications("STOP");
    try {
      intake(rate, seconds);
      Predicate<String> others = group -> !group.equals("notifications-service");
      Backlog.drain(options.bootstrap(), DRAIN_LIMIT, others);
      Thread.sleep(5_000); // the outbox relay's last records
      Backlog.drain(options.bootstrap(), DRAIN_LIMIT, others);
    } finally {
      signalNotifications("CONT");
    }
    sampler.start();
    Backlog.drain(options.bootstrap(), DRAIN_LIMIT);
    done.set(1);
    sampler.join(TimeUnit.MINUTES.toMillis(5));
    sampler.interrupt();
    Map<String, double[]> perChannel = new LinkedHashMap<>();
    busy.forEach(
        (channel, b) -> perChannel.put(channel, new double[] {b[0] / (b[1] / 1e9), b[1] / 1e9}));
    Map<String, double[]> all = new LinkedHashMap<>();
    overall.forEach(
        (channel, o) -> {
          if (o[1] > o[0]) {
            // the first change counts from one sampling interval before it
            all.put(channel, new double[] {o[1] - o[0], (o[3] - o[2]) / 1e9 + 1});
          }
        });
    return new Deliveries(rate, seconds, perChannel, all, peak[0]);
  }

  /** Sends {@code SIGSTOP} or {@code SIGCONT} to the local stack's notifications-service. */
  private void signalNotifications(String signal) throws Exception {
    String pid = Files.readString(state.resolve("pids/notifications.pid")).trim();
    Process kill = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
    }
  }

  static KafkaConsumer<String, String> consumer(String bootstrap) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(),
        new StringDeserializer());
  }

  static void say(String format, Object... args) {
    System.out.printf(Locale.ROOT, format + "%n", args);
  }

  /** The figures of one run, as Markdown. */
  static final class Report {
    final Options options;
    final List<Step> intake = new ArrayList<>();
    String programme;
    Jdbc jdbc;
    Pipeline pipeline;
    Deliveries deliveries;
    KafkaBaseline.Result kafka;
    Map<String, Long> memory;
    List<String> readyTimes = List.of();

    Report(Options options) {
      this.options = options;
    }

    static String row(String from, String channel, Histogram h) {
      return String.format(
          Locale.ROOT,
          "| %s | %s | %d | %s | %s | %s |\n",
          from,
          channel,
          h.getTotalCount(),
          ms(h.getValueAtPercentile(50)),
          ms(h.getValueAtPercentile(99)),
          ms(h.getValueAtPercentile(99.9)));
    }

    static String ms(long nanos) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    String markdown() {
      StringBuilder md = new StringBuilder();
      md.append("<!-- bench:start -->\n## Benchmark: `./garagematch bench`\n\n")
          .append("Run on ")
          .append(Instant.now().toString(), 0, 10)
          .append(", ")
          .append(Machine.describe())
          .append(
              ". Everything on that one machine at once: the generator, the three services (as"
                  + " `./garagematch up` starts them), Kafka and PostgreSQL. The programme: ")
          .append(programme)
          .append(
              "; the generator submits the programme's 60 startup profiles in turn (50 written"
                  + " for a need, 10 for none), each made new.\n\n")
          .append("### Intake: the highest rate held ")
          .append(options.seconds())
          .append(" s\n\n")
          .append(
              "Open model: requests leave on schedule whatever the answers, latency counted from"
                  + " each one's intended send time. Held: under 0.1 % errors, p99 under 1 s. Each"
                  + " step starts once every consumer has read what the step before produced and"
                  + " no notification is due, or after five minutes of waiting for that;"
                  + " during a step the whole pipeline (matching, notifications) runs on the same"
                  + " cores. Absorbed: once the step's intake stopped, matching and notifying were"
                  + " done with everything within "
                  + ABSORBED.toSeconds()
                  + " s (no backlog had grown).\n\n")
          .append(
              "| rate | sent | errors | p50 | p99 | p99.9 | max | held | suite caught up after |"
                  + " absorbed |\n")
          .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |\n");
      int best = 0;
      int absorbed = 0;
      for (Step s : intake) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %d/s | %d | %d | %s | %s | %s | %s | %s | %s | %s |\n",
                s.rate(),
                s.sent(),
                s.errors(),
                ms(s.latency().getValueAtPercentile(50)),
                ms(s.latency().getValueAtPercentile(99)),
                ms(s.latency().getValueAtPercentile(99.9)),
                ms(s.latency().getMaxValue()),
                s.held() ? "yes" : "no",
                s.drained().compareTo(DRAIN_LIMIT) >= 0
                    ? "not within " + DRAIN_LIMIT.toSeconds() + " s"
                    : s.drained().toSeconds() + " s",
                s.absorbed() ? "yes" : "no"));
        if (s.held()) {
          best = s.rate();
        }
        if (s.absorbed()) {
          absorbed = Math.max(absorbed, s.rate());
        }
      }
      md.append("\nBaseline, same run: ")
          .append(jdbc.summary())
          .append(" — the same three INSERTs per startup straight over JDBC.")
          .append(
              String.format(
                  Locale.ROOT,
                  " **Intake held %d/s: %.0f %% of the JDBC ceiling** (target ≥ 50 %%)."
                      + " **The whole suite absorbed %s** (target ≥ 100/s).\n\n",
                  best,
                  100.0 * best / jdbc.perSecond(),
                  absorbed == 0 ? "none of the rates tried" : absorbed + " startups/s"))
          .append("### Pipeline: from a 201 to `match.proposed` and to each delivery\n\n")
          .append(pipeline.summary())
          .append("; beside it, the broker's own produce-to-consume time on a scratch topic: ")
          .append(kafka.summary())
          .append(".\n\n| from | to | deliveries | p50 | p99 | p99.9 |\n")
          .append("| --- | --- | ---: | ---: | ---: | ---: |\n");
      pipeline.acceptedToDelivery().forEach((channel, h) -> md.append(row("201", channel, h)));
      pipeline
          .proposedToDelivery()
          .forEach((channel, h) -> md.append(row("`match.proposed` record", channel, h)));
      md.append(
              "\n(target: match to notification p99 ≤ 1 s; a `match.proposed` record's time is its"
                  + " producer's timestamp, the delivery's is `sent_at`, both from this machine's"
                  + " clock.)\n\n### Notifications: deliveries a second per channel\n\n")
          .append(
              "A burst of 100 startups/s for 20 s is matched while notifications-service is"
                  + " frozen (SIGSTOP), so that the burst's notifications pile up rather than"
                  + " arrive at matching's pace; once it is resumed, each channel's deliveries"
                  + " (routing goes on meanwhile) are counted in the seconds it began with at"
                  + " least ")
          .append(BACKLOG)
          .append(" notifications due, to the local SMTP catcher and webhook receiver: ")
          .append(deliveries)
          .append(" (target ≥ 500/s).\n\n### Start-up: from launch to ready\n\n")
          .append(
              "At the last `./garagematch up`, the three services launched at once on these"
                  + " cores:\n\n");
      readyTimes.forEach(line -> md.append("- ").append(line).append('\n'));
      md.append("\n### Memory: largest resident set while the benchmark ran\n\n")
          .append("| process | RSS |\n| --- | ---: |\n");
      memory.forEach(
          (name, kb) -> md.append(String.format(Locale.ROOT, "| %s | %d MB |\n", name, kb / 1024)));
      md.append(
              "\nRepeat with `./garagematch up && ./garagematch bench` (options: `--seconds`,"
                  + " `--rates 25,50,100`, `--clients`, `--pipeline-rate`, `--write-docs false`).\n")
          .append("<!-- bench:end -->\n");
      return md.toString();
    }

    /** Replaces the benchmark's section of {@code file}, or appends it. */
    static void writeInto(Path file, String section) throws IOException {
      String text = Files.exists(file) ? Files.readString(file) : "";
      int from = text.indexOf("<!-- bench:start -->");
      int to = text.indexOf("<!-- bench:end -->");
      String updated =
          from >= 0 && to > from
              ? text.substring(0, from)
                  + section
                  + text.substring(to + "<!-- bench:end -->\n".length())
              : text + (text.endsWith("\n") ? "\n" : "\n\n") + section;
      Files.writeString(file, updated);
    }
  }
}
