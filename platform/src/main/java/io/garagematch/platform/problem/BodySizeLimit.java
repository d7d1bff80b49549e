package io.garagematch.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413 problem
 * before reading it (the HTTP layer's own limit stays as the backstop for bodies without a
 * Content-Length).
 */
@ApplicationScoped
public class BodySizeLimit {

  private final long maxBytes;

  public BodySizeLimit(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
    this.maxBytes = maxBodySize.asLongValue();
  }

  void register(@Observes Filters filters) {
    String body =
        Json.encode(
            Problem.of(
                413,
                "payload-too-large",
                "The body is too large",
                "the body is limited to " + maxBytes + " bytes"));
    filters.register(
        rc -> {
          String length = rc.request().getHeader("Content-Length");
          if (length != null && tooLarge(length)) {
            rc.response()
                .setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(body);
          } else {
            rc.next();
          }
        },
        100);
  }

  private boolean tooLarge(String contentLength) {
    try {
      return Long.parseLong(contentLength.trim()) > maxBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
