package io.garagematch.platform.rest;

import io.garagematch.platform.problem.AuthenticationProblems;
import io.garagematch.platform.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-client rate limits, each answered with {@code 429 too-many-requests} and {@code Retry-After}:
 * a token bucket per verified token subject (checked after authentication, so a forged token cannot
 * use up someone else's budget), and one per address for calls without a token (checked before
 * anything else). Health, metrics and the OpenAPI document ({@code /q/*}) are never limited.
 * Buckets of quiet clients are forgotten.
 */
@ApplicationScoped
public class RateLimits {

  private static final int FORGET_ABOVE = 10_000;
  private static final long FORGET_AT_MOST_EVERY = TimeUnit.SECONDS.toNanos(10);

  private final boolean enabled;
  private final double clientRate;
  private final double clientBurst;
  private final double anonymousRate;
  private final double anonymousBurst;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong lastForgotten =
      new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
  private final SecurityIdentity identity;

  public RateLimits(
      SecurityIdentity identity,
      @ConfigProperty(name = "garagematch.rate-limit.enabled") boolean enabled,
      @ConfigProperty(name = "garagematch.rate-limit.per-client.rate") double clientRate,
      @ConfigProperty(name = "garagematch.rate-limit.per-client.burst") double clientBurst,
      @ConfigProperty(name = "garagematch.rate-limit.anonymous.rate") double anonymousRate,
      @ConfigProperty(name = "garagematch.rate-limit.anonymous.burst") double anonymousBurst) {
    this.identity = identity;
    this.enabled = enabled;
    this.clientRate = clientRate;
    this.clientBurst = clientBurst;
    this.anonymousRate = anonymousRate;
    this.anonymousBurst = anonymousBurst;
  }

  /** Calls without a token, by address, before authentication. */
  void register(@Observes Filters filters) {
    filters.register(
        rc -> {
          if (!enabled || !AuthenticationProblems.anonymousApiCall(rc.request())) {
            rc.next();
            return;
          }
          long wait =
              bucket("address:" + rc.request().remoteAddress().hostAddress(), false)
                  .take(System.nanoTime());
          if (wait == 0) {
            rc.next();
            return;
          }
          rc.response()
              .setStatusCode(429)
              .putHeader("Content-Type", Problem.MEDIA_TYPE)
              .putHeader("Retry-After", Long.toString(seconds(wait)))
              .end(Json.encode(problem(anonymousRate, wait)));
        },
        200);
  }

  /** Calls with a verified token, by its subject. */
  @ServerRequestFilter
  public Response perClient() {
    if (!enabled || identity.isAnonymous()) {
      return null;
    }
    long wait =
        bucket("subject:" + identity.getPrincipal().getName(), true).take(System.nanoTime());
    if (wait == 0) {
      return null;
    }
    return Response.status(429)
        .type(Problem.MEDIA_TYPE)
        .header("Retry-After", Long.toString(seconds(wait)))
        .entity(problem(clientRate, wait))
        .build();
  }

  private TokenBucket bucket(String key, boolean client) {
    long now = System.nanoTime();
    long last = lastForgotten.get();
    // a sweep over many buckets, at most every few seconds and by one request only
    if (buckets.size() > FORGET_ABOVE
        && now - last > FORGET_AT_MOST_EVERY
        && lastForgotten.compareAndSet(last, now)) {
      buckets.values().removeIf(b -> b.full(now));
    }
    return buckets.computeIfAbsent(
        key,
        k ->
            client
                ? new TokenBucket(clientRate, clientBurst, now)
                : new TokenBucket(anonymousRate, anonymousBurst, now));
  }

  private static long seconds(long nanos) {
    return Math.max(1, (long) Math.ceil(nanos / (double) TimeUnit.SECONDS.toNanos(1)));
  }

  private static Problem problem(double rate, long wait) {
    return Problem.of(
            429,
            "too-many-requests",
            "Too many requests",
            "at most " + rate + " requests a second per client; retry in " + seconds(wait) + " s")
        .with("retryAfterSeconds", seconds(wait));
  }
}
