package io.garagematch.console;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A service's refusal as a page in the reader's language: what was refused and the service's own
 * words. A 401 (the token expired) sends the reader to sign in again.
 */
public class ProblemPage {

  private final Views views;

  public ProblemPage(Views views) {
    this.views = views;
  }

  @ServerExceptionMapper
  public Response show(ApiProblem problem) {
    if (problem.status() == 401) {
      return Response.seeOther(java.net.URI.create("/sign-in")).build();
    }
    return Response.status(problem.status())
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(views.page("error").data("problem", problem).render())
        .build();
  }
}
