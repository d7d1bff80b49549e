package io.garagematch.platform.problem;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses what is too large before any endpoint reads it, each with its problem+json:
 *
 * <ul>
 *   <li>a request target longer than {@code garagematch.limits.max-target-length}: 414;
 *   <li>request headers larger than {@code garagematch.limits.max-header-size} together: 431;
 *   <li>a body larger than {@code quarkus.http.limits.max-body-size}: 413, when announced so by its
 *       Content-Length, or when a chunked body grows past it;
 *   <li>a Host header that names no server, a path or query parameter that does not decode or holds
 *       NUL: 400.
 * </ul>
 *
 * The HTTP codec's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code
 * max-header-size}) are set well above these: what the codec refuses gets Vert.x's bare answer
 * without a body, as Vert.x offers no hook for it in Quarkus.
 */
@ApplicationScoped
public class RequestLimits {

  private final long maxBodyBytes;
  private final int maxTargetLength;
  private final long maxHeaderBytes;
  private final String bodyTooLarge;

  public RequestLimits(
      @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
      @ConfigProperty(name = "garagematch.limits.max-target-length") int maxTargetLength,
      @ConfigProperty(name = "garagematch.limits.max-header-size") MemorySize maxHeaderSize) {
    this.maxBodyBytes = maxBodySize.asLongValue();
    this.maxTargetLength = maxTargetLength;
    this.maxHeaderBytes = maxHeaderSize.asLongValue();
    this.bodyTooLarge =
        Json.encode(
            Problem.of(
                413,
                "payload-too-large",
                "The body is too large",
                "the body is limited to " + maxBodyBytes + " bytes"));
  }

  void register(@Observes Filters filters) {
    String tooLong =
        Json.encode(
            Problem.of(
                414,
                "uri-too-long",
                "The request target is too long",
                "the path and query are limited to " + maxTargetLength + " characters"));
    String headersTooLarge =
        Json.encode(
            Problem.of(
                431,
                "request-header-fields-too-large",
                "The request headers are too large",
                "the headers are limited to " + maxHeaderBytes + " bytes together"));
    BodyHandler chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    filters.register(
        rc -> {
          HttpServerRequest request = rc.request();
          String fault;
          if (request.uri().length() > maxTargetLength) {
            refuse(rc, 414, tooLong);
          } else if (headerBytes(request) > maxHeaderBytes) {
            refuse(rc, 431, headersTooLarge);
          } else if (tooLarge(request.getHeader("Content-Length"))) {
            refuse(rc, 413, bodyTooLarge);
          } else if ((fault = unreadableTarget(rc)) != null) {
            String field = fault.substring(0, fault.indexOf(':'));
            refuse(
                rc,
                400,
                Json.encode(
                    Problem.invalid(
                        fault,
                        List.of(
                            new Problem.Violation(
                                field, fault.substring(fault.indexOf(':') + 2))))));
          } else if (request.getHeader("Content-Length") == null
              && request.getHeader("Transfer-Encoding") != null) {
            // a chunked body is read here, up to the limit, so that one too large is a 413
            // problem (failed with 413: tooLargeBody) rather than the HTTP layer's bare answer
            chunkedBodies.handle(rc);
          } else {
            rc.next();
          }
        },
        SecurityHandlerPriorities.CORS + 10); // first of all: before a token is even read
  }

  /**
   * A request the router refuses before any endpoint sees it (a Host that names no server, a path
   * that is not one, a query that does not decode; a chunked body over the limit, failed by the
   * body handler) is answered with a problem of the status it was failed with, not the HTTP layer's
   * own body. A 401 is {@link AuthenticationProblems}'; errors of our own code are the mappers'.
   */
  void refusedByTheRouter(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .failureHandler(
            rc -> {
              int status = rc.statusCode();
              Throwable failure = rc.failure();
              if (rc.response().headWritten()
                  || status < 400
                  || status > 499
                  || status == 401
                  || !(failure == null
                      || failure instanceof VertxException
                      || failure instanceof HttpException)) {
                rc.next();
              } else if (status == 413) {
                refuse(rc, 413, bodyTooLarge);
              } else {
                refuse(
                    rc,
                    status,
                    Json.encode(
                        Problem.ofStatus(status, failure == null ? null : failure.getMessage())));
              }
            });
  }

  /**
   * What makes the request's target or Host unusable ({@code field: message}), or null: a Host
   * header that names no server, a path or query parameter that does not decode or holds a NUL
   * character (no database here stores one).
   */
  static String unreadableTarget(RoutingContext rc) {
    try {
      if (rc.request().authority() == null) {
        return "Host: must name the server";
      }
    } catch (RuntimeException e) {
      return "Host: must name the server";
    }
    try {
      if (QueryStringDecoder.decodeComponent(rc.request().path()).indexOf('\u0000') >= 0) {
        return "path: " + FieldErrors.NUL;
      }
      for (Map.Entry<String, String> param : rc.queryParams()) {
        if (param.getKey().indexOf('\u0000') >= 0 || param.getValue().indexOf('\u0000') >= 0) {
          return param.getKey().replace('\u0000', ' ') + ": " + FieldErrors.NUL;
        }
      }
    } catch (RuntimeException e) { // IllegalArgumentException, or HttpException from the router
      return "query: is not well-formed (percent-encoding)";
    }
    return null;
  }

  private static void refuse(RoutingContext rc, int status, String problem) {
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader("Connection", "close")
        .end(problem);
  }

  private static long headerBytes(HttpServerRequest request) {
    long bytes = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      bytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
    }
    return bytes;
  }

  private boolean tooLarge(String contentLength) {
    if (contentLength == null) {
      return false;
    }
    try {
      return Long.parseLong(contentLength.trim()) > maxBodyBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
