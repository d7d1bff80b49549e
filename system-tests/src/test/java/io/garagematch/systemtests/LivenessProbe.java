package io.garagematch.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What Kubernetes does with each service's liveness probe ({@code deploy/k8s}: every 10 s, a 3 s
 * timeout, three failures in a row): a service whose {@code /q/health/live} fails three times in a
 * row is killed and started again. Each restart is recorded: a service that recovers by itself, and
 * says so truthfully, never needs one.
 */
final class LivenessProbe implements AutoCloseable {

  static final Duration PERIOD = Duration.ofSeconds(10);
  static final Duration TIMEOUT = Duration.ofSeconds(3);
  static final int FAILURE_THRESHOLD = 3;

  /** One restart: which service, when, and what its last probe answered. */
  record Restart(String service, Instant at, String lastAnswer) {}

  private final Supplier<List<ServiceProcess>> services;
  private final Consumer<ServiceProcess> replaced;
  private final Object lock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Map<String, Integer> failures = new HashMap<>();
  private final List<Restart> restarts = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

  /**
   * @param services the running services, asked at every round
   * @param replaced told of each service the probe restarted
   * @param lock held by whoever else kills or restarts a service, so the probe never sees one
   *     half-restarted
   */
  LivenessProbe(
      Supplier<List<ServiceProcess>> services, Consumer<ServiceProcess> replaced, Object lock) {
    this.services = services;
    this.replaced = replaced;
    this.lock = lock;
    clock.scheduleWithFixedDelay(
        this::round, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void round() {
    synchronized (lock) {
      for (ServiceProcess s : services.get()) {
        String answer = probe(s);
        int failed = answer.equals("200") ? 0 : failures.getOrDefault(s.name, 0) + 1;
        failures.put(s.name, failed);
        if (failed >= FAILURE_THRESHOLD) {
          restarts.add(new Restart(s.name, Instant.now(), answer));
          System.out.printf(
              "liveness: %s failed %d probes (%s), restarting it%n", s.name, failed, answer);
          failures.put(s.name, 0);
          try {
            replaced.accept(s.killAndRestart());
          } catch (IOException | RuntimeException e) {
            System.out.println("liveness: " + s.name + " did not start again: " + e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  private String probe(ServiceProcess s) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(s.url() + "/q/health/live"))
                  .timeout(TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200
          ? "200"
          : r.statusCode() + " " + r.body().replaceAll("\\s+", " ");
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** The restarts so far. */
  List<Restart> restarts() {
    return List.copyOf(restarts);
  }

  @Override
  public void close() throws InterruptedException {
    clock.shutdownNow();
    clock.awaitTermination(150, TimeUnit.SECONDS);
  }
}
