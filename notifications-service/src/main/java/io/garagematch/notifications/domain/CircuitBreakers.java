package io.garagematch.notifications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One circuit breaker per webhook endpoint: after {@code failures} failures in a row the endpoint
 * is left alone for {@code openFor}; then one trial delivery may go, and its outcome closes the
 * breaker or opens it again. While a breaker is open, deliveries to that endpoint wait (no attempt
 * is counted), and one failing subscriber costs the others nothing.
 */
public final class CircuitBreakers {

  private final int failures;
  private final Duration openFor;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  public CircuitBreakers(int failures, Duration openFor) {
    this.failures = failures;
    this.openFor = openFor;
  }

  private record State(int failuresInARow, Instant openUntil) {}

  /**
   * Null when a delivery to the endpoint may go now, else until when its breaker is open. After the
   * open time, the first caller gets the trial; the others wait another {@code openFor}.
   */
  public Instant acquire(String endpoint, Instant now) {
    Instant[] waitUntil = {null};
    states.computeIfPresent(
        endpoint,
        (k, s) -> {
          if (s.openUntil() == null) {
            return s;
          }
          if (s.openUntil().isAfter(now)) {
            waitUntil[0] = s.openUntil();
            return s;
          }
          return new State(s.failuresInARow(), now.plus(openFor)); // this caller's trial
        });
    return waitUntil[0];
  }

  public void success(String endpoint) {
    states.remove(endpoint);
  }

  public void failure(String endpoint, Instant now) {
    states.compute(
        endpoint,
        (k, s) -> {
          int inARow = (s == null ? 0 : s.failuresInARow()) + 1;
          return new State(inARow, inARow >= failures ? now.plus(openFor) : null);
        });
  }
}
