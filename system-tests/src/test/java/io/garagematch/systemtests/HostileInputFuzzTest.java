package io.garagematch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Thousands of malformed requests over every operation of the three OpenAPI documents ({@link
 * FuzzRequests}), against the packaged services. Every answer must be below 500 and, when it is an
 * error, an RFC 9457 problem+json whose {@code status} is the HTTP status (and whose members are
 * unique); no service may log an ERROR line while it runs.
 *
 * <p>{@code -Dfuzz.requests=N} and {@code -Dfuzz.seed=S} change the run (default: 10,000 requests,
 * a new seed each run, printed so that a failing run can be repeated). It runs after the other
 * system tests, whose data it leaves alone: what it manages to create belongs to its own partner,
 * unit and expert.
 */
@ExtendWith(RunningServices.class)
@Order(Integer.MAX_VALUE)
class HostileInputFuzzTest {

  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @Test
  void everyMalformedRequestGetsAProblemAndNothingBreaks(RunningServices.Services services)
      throws Exception {
    int total = Integer.getInteger("fuzz.requests", 10_000);
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    Map<String, ServiceProcess> byName =
        Map.of(
            "applications", services.applications(),
            "matching", services.matching(),
            "notifications", services.notifications());
    Map<String, Integer> ports = new TreeMap<>();
    byName.forEach((name, s) -> ports.put(name, s.port));
    FuzzRequests requests =
        new FuzzRequests(Path.of("..", "docs", "openapi"), ports, AuthorizationMatrix.rows());
    Map<String, Long> logSizes = new TreeMap<>();
    for (Map.Entry<String, ServiceProcess> s : byName.entrySet()) {
      logSizes.put(s.getKey(), (long) s.getValue().log().length());
    }

    Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger sent = new AtomicInteger();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        Random random = new Random(seed + w);
        workers.add(
            pool.submit(
                () -> {
                  while (sent.getAndIncrement() < total) {
                    FuzzRequests.Fuzz fuzz = requests.next(random);
                    byKind
                        .computeIfAbsent(fuzz.kind().split("[ :]", 2)[0], k -> new LongAdder())
                        .increment();
                    String fault = check(fuzz, ports.get(fuzz.service()), byStatus);
                    if (fault != null && failures.size() < 200) {
                      failures.add(fault);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    List<String> errors = new ArrayList<>();
    for (Map.Entry<String, ServiceProcess> s : byName.entrySet()) {
      String log = s.getValue().log();
      log.substring((int) Math.min(logSizes.get(s.getKey()), log.length()))
          .lines()
          .filter(line -> line.contains(" ERROR "))
          .forEach(line -> errors.add(s.getKey() + ": " + line));
    }
    long fiveHundreds =
        byStatus.entrySet().stream()
            .filter(e -> e.getKey() >= 500)
            .mapToLong(e -> e.getValue().sum())
            .sum();
    String summary =
        String.format(
            "fuzz: %,d requests over %d operations in %.1f s (seed %d): %,d × 5xx, %d answers"
                + " broke the rules, %d ERROR log lines; by status %s; by kind %s",
            total,
            requests.operationCount(),
            seconds,
            seed,
            fiveHundreds,
            failures.size(),
            errors.size(),
            new TreeMap<>(byStatus),
            new TreeMap<>(byKind));
    System.out.println(summary);
    Path report = Path.of("target", "fuzz-summary.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(
        report,
        summary + "\n" + String.join("\n", failures) + "\n" + String.join("\n", errors) + "\n");

    assertThat(failures).as(summary).isEmpty();
    assertThat(errors).as(summary).isEmpty();
    assertThat(sent.get()).isGreaterThanOrEqualTo(total);
  }

  /** What is wrong with the answer to {@code fuzz}, or null when nothing is. */
  private static String check(FuzzRequests.Fuzz fuzz, int port, Map<Integer, LongAdder> byStatus) {
    RawHttp.Answer answer;
    try {
      answer = RawHttp.exchange(port, fuzz.bytes(), 30_000);
    } catch (IOException e) {
      return fuzz.kind() + ": " + e + " on " + fuzz.head();
    }
    byStatus.computeIfAbsent(answer.status(), k -> new LongAdder()).increment();
    String where = fuzz.operation() + " — " + fuzz.kind() + " → " + answer.status();
    if (answer.status() == 0) {
      return where + ": no answer to " + fuzz.head();
    }
    if (answer.status() >= 500) {
      return where + ": " + answer.text() + " to " + fuzz.head();
    }
    if (answer.status() < 400 || fuzz.head().startsWith("HEAD ")) {
      return null; // an answer to HEAD has no body
    }
    String type = answer.header("Content-Type");
    if (type == null || !type.startsWith("application/problem+json")) {
      return where + ": Content-Type " + type + ", body " + abbreviate(answer.text());
    }
    try {
      JsonNode problem = STRICT.readTree(answer.body());
      if (!problem.path("type").isTextual()
          || !problem.path("title").isTextual()
          || problem.path("status").asInt() != answer.status()) {
        return where + ": not a problem of its status: " + abbreviate(answer.text());
      }
    } catch (IOException e) {
      return where + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")";
    }
    return null;
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
