package io.garagematch.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Before every page: a person who is not signed in is sent to sign in (and back afterwards), and a
 * form posted from another site is refused (the session cookies are SameSite=Lax as well).
 */
public class Guard {

  private static final Set<String> OPEN = Set.of("sign-in", "sign-out", "language");

  private final Session session;

  public Guard(Session session) {
    this.session = session;
  }

  @ServerRequestFilter
  public Response check(ContainerRequestContext request) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      String origin = request.getHeaderString("Origin");
      String host = request.getHeaderString(HttpHeaders.HOST);
      if (origin != null && !"null".equals(origin) && !sameHost(origin, host)) {
        return Response.status(403).entity("cross-site form refused").build();
      }
    }
    String first = request.getUriInfo().getPathSegments().get(0).getPath();
    if (session.signedIn() || OPEN.contains(first)) {
      return null;
    }
    String next = request.getUriInfo().getRequestUri().getRawPath();
    String query = request.getUriInfo().getRequestUri().getRawQuery();
    URI to =
        UriBuilder.fromPath("/sign-in")
            .queryParam("next", query == null ? next : next + "?" + query)
            .build();
    return Response.seeOther(to).build();
  }

  private static boolean sameHost(String origin, String host) {
    try {
      URI o = URI.create(origin);
      String authority = o.getPort() == -1 ? o.getHost() : o.getHost() + ":" + o.getPort();
      return authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
