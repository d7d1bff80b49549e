package io.garagematch.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional reads (RFC 9110, 13.1.2): a GET or HEAD whose {@code If-None-Match} names the current
 * ETag (weak comparison, or {@code *}) gets {@code 304 Not Modified} without a body, with the ETag.
 */
public class NotModified {

  @ServerResponseFilter
  public void notModified(ContainerRequestContext request, ContainerResponseContext response) {
    String method = request.getMethod();
    String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
    if (response.getStatus() != 200
        || ifNoneMatch == null
        || etag == null
        || !("GET".equals(method) || "HEAD".equals(method))) {
      return;
    }
    if (matches(ifNoneMatch, etag.toString())) {
      response.setStatus(304);
      response.setEntity(null);
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    }
  }

  /** Whether a list of entity tags names this one, comparing weakly. */
  static boolean matches(String ifNoneMatch, String etag) {
    String current = opaque(etag);
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.trim();
      if (t.equals("*") || opaque(t).equals(current)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
