package io.garagematch.console;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;

/**
 * A page's template with what every page shows: the reader's words ({@code t}), who is signed in
 * ({@code s}), whether sign-in is local ({@code local}) and an expert's unread count ({@code
 * unread}).
 */
@RequestScoped
public class Views {

  private final Engine engine;
  private final Session session;
  private final LocalSessions local;
  private final io.vertx.core.http.HttpServerRequest request;
  private final Api api;

  public Views(
      Engine engine,
      Session session,
      LocalSessions local,
      io.vertx.core.http.HttpServerRequest request,
      Api api) {
    this.engine = engine;
    this.session = session;
    this.local = local;
    this.request = request;
    this.api = api;
  }

  public TemplateInstance page(String name) {
    return engine
        .getTemplate(name)
        .instance()
        .data("t", Texts.of(session.language()))
        .data("s", session)
        .data("local", local.enabled())
        .data("path", request.uri())
        .data("unread", unread())
        .data("problem", null);
  }

  /** An expert's unread inbox items, for the header's badge; null when not known. */
  private Integer unread() {
    if (!session.signedIn() || !session.isExpert()) {
      return null;
    }
    try {
      return api.get(
              session.token(),
              Api.Service.NOTIFICATIONS,
              "/api/v1/experts/" + session.expertId() + "/inbox?limit=1")
          .path("unread")
          .asInt();
    } catch (ApiProblem unavailable) {
      return null;
    }
  }
}
