package io.garagematch.systemtests;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.garagematch.infra.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A partner submitting startups at a constant rate while faults are injected, recording each
 * answer: the ids acknowledged with 201, and how many of each status (a failed connection counts as
 * status 0). Each startup is new (its own web domain) and written to match the fault suite's needs,
 * so it is matched and its experts are notified.
 */
final class Traffic implements AutoCloseable {

  static final String PARTNER = "fault-suite-partner";

  private static final List<String[]> TOPICS =
      List.of(
          new String[] {"红外摄像头驾驶员监测，实时识别疲劳驾驶和分心驾驶", "驾驶员监测", "红外摄像头", "疲劳检测"},
          new String[] {
            "Battery state-of-health prediction for electric vehicle fleets from charging data",
            "battery state of health",
            "battery analytics",
            "electric vehicle charging"
          },
          new String[] {
            "Computer vision inspection of paint defects on the car body in the paint shop",
            "paint defect detection",
            "computer vision",
            "quality inspection"
          });

  private final Supplier<String> intakeUrl;
  private final IntFunction<ObjectNode> profiles;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
  private final ScheduledExecutorService senders = Executors.newScheduledThreadPool(16);
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();
  private final Map<Integer, String> examples = new ConcurrentHashMap<>();
  private final AtomicInteger sent = new AtomicInteger();
  private final String token = "Bearer " + TestTokens.forRole("partner", PARTNER);

  /** Starts sending {@code perSecond} submissions a second to the URL the supplier names. */
  Traffic(Supplier<String> intakeUrl, int perSecond) {
    this(intakeUrl, perSecond, Traffic::faultSuiteStartup);
  }

  /**
   * Starts sending {@code perSecond} submissions a second, the {@code n}th of them {@code
   * profiles.apply(n)}.
   */
  Traffic(Supplier<String> intakeUrl, int perSecond, IntFunction<ObjectNode> profiles) {
    this.intakeUrl = intakeUrl;
    this.profiles = profiles;
    clock.scheduleAtFixedRate(
        () -> senders.execute(this::submitOne), 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
  }

  /** A new startup written to match the fault suite's own two needs (or, one in three, none). */
  static ObjectNode faultSuiteStartup(int n) {
    String[] topic = TOPICS.get(n % TOPICS.size());
    boolean chinese = topic[0].codePointAt(0) > 0x2E80;
    ObjectNode profile = Http.JSON.createObjectNode();
    profile.put("name", "Fault suite startup " + n);
    profile.put("country", chinese ? "CN" : "DE");
    profile.put("language", chinese ? "zh" : "en");
    profile.put("website", "https://s" + n + "-" + UUID.randomUUID() + ".example.com");
    profile.put("pitch", topic[0]);
    profile.put("description", topic[0] + ". " + String.join(", ", topic[1], topic[2], topic[3]));
    profile.putArray("technologies").add(topic[1]).add(topic[2]).add(topic[3]);
    profile.putArray("innovationFields").add("AUTOMATED_DRIVING").add("ARTIFICIAL_INTELLIGENCE");
    profile.put("trl", 7);
    profile.put("fundingStage", "SERIES_A");
    profile.putObject("contact").put("name", "Founder " + n).put("email", "f" + n + "@example.com");
    return profile;
  }

  private void submitOne() {
    int n = sent.incrementAndGet();
    ObjectNode profile = profiles.apply(n);
    int status;
    String answer;
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(intakeUrl.get() + "/api/v1/applications"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(profile.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      status = r.statusCode();
      answer = r.body();
      if (status == 503 && r.headers().firstValue("Retry-After").isEmpty()) {
        status = -503; // a 503 that does not say when to come back
      }
      if (status == 201) {
        accepted.add(Http.json(answer).path("id").asText());
      }
    } catch (IOException e) {
      status = 0;
      answer = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    examples.putIfAbsent(status, answer.length() > 300 ? answer.substring(0, 300) : answer);
  }

  /** Stops sending and waits for the submissions in flight. */
  @Override
  public void close() throws InterruptedException {
    clock.shutdownNow();
    senders.shutdown();
    senders.awaitTermination(60, TimeUnit.SECONDS);
  }

  int sent() {
    return sent.get();
  }

  Set<String> accepted() {
    return Set.copyOf(accepted);
  }

  /** How many answers of each status (0: no answer at all; -503: a 503 without Retry-After). */
  Map<Integer, Integer> statuses() {
    Map<Integer, Integer> copy = new ConcurrentSkipListMap<>();
    statuses.forEach((status, count) -> copy.put(status, count.get()));
    return copy;
  }

  /** One answer of each status, for a failure message. */
  Map<Integer, String> examples() {
    return Map.copyOf(examples);
  }
}
