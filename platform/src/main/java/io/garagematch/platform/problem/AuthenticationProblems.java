package io.garagematch.platform.problem;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request without a valid bearer token is answered 401 with a problem body and the {@code
 * WWW-Authenticate: Bearer} challenge, like every other refusal, instead of an empty body. The HTTP
 * layer refuses such requests before any resource runs: a request without a token to anything but
 * {@code /q/*} (the only public paths) is answered by a filter, after the anonymous rate limit; a
 * token the security layer refuses reaches the router's failure handler.
 */
@ApplicationScoped
public class AuthenticationProblems {

  void challengeWithoutToken(@Observes Filters filters) {
    filters.register(
        rc -> {
          if (anonymousApiCall(rc.request())) {
            unauthorized(rc, "a bearer token is required");
          } else {
            rc.next();
          }
        },
        // after authentication (an anonymous caller passes it), before the authorization check
        SecurityHandlerPriorities.AUTHORIZATION + 1);
  }

  /**
   * Whether {@code request} calls the API without a token: anything but {@code /q/*} (health,
   * metrics, OpenAPI: the public paths) without an {@code Authorization: Bearer <token>} header (no
   * header, another scheme, or the scheme alone).
   */
  public static boolean anonymousApiCall(HttpServerRequest request) {
    return !request.path().startsWith("/q/") && !bearerToken(request.getHeader("Authorization"));
  }

  private static boolean bearerToken(String authorization) {
    return authorization != null
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && !authorization.substring(7).isBlank();
  }

  void challengeRefusedToken(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(AuthenticationProblems::handle);
  }

  static void handle(RoutingContext rc) {
    Throwable failure = rc.failure();
    if (!(failure instanceof AuthenticationFailedException
            || failure instanceof AuthenticationCompletionException
            || failure instanceof UnauthorizedException)
        || rc.response().headWritten()) {
      rc.next();
      return;
    }
    unauthorized(rc, "the bearer token is not valid here (signature, issuer, audience or time)");
  }

  private static void unauthorized(RoutingContext rc, String detail) {
    rc.response()
        .setStatusCode(401)
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader("WWW-Authenticate", "Bearer")
        .end(Json.encode(Problem.of(401, "unauthorized", "Unauthorized", detail)));
  }
}
