package io.garagematch.console;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;

/**
 * A page's template with what every page shows: the reader's words ({@code t}), who is signed in
 * ({@code s}) and whether sign-in is local ({@code local}).
 */
@RequestScoped
public class Views {

  private final Engine engine;
  private final Session session;
  private final LocalSessions local;
  private final io.vertx.core.http.HttpServerRequest request;

  public Views(
      Engine engine,
      Session session,
      LocalSessions local,
      io.vertx.core.http.HttpServerRequest request) {
    this.engine = engine;
    this.session = session;
    this.local = local;
    this.request = request;
  }

  public TemplateInstance page(String name) {
    return engine
        .getTemplate(name)
        .instance()
        .data("t", Texts.of(session.language()))
        .data("s", session)
        .data("local", local.enabled())
        .data("path", request.uri())
        .data("problem", null);
  }
}
