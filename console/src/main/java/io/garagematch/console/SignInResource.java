package io.garagematch.console;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Signing in and out, and the choice of language. With an identity provider, {@code /sign-in/oidc}
 * is guarded by the OpenID Connect code flow (application.properties); locally, the reader picks a
 * demo identity.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

  private final Session session;
  private final LocalSessions local;
  private final Api api;
  private final Views views;
  private final ConsoleConfig config;

  public SignInResource(
      Session session, LocalSessions local, Api api, Views views, ConsoleConfig config) {
    this.session = session;
    this.local = local;
    this.api = api;
    this.views = views;
    this.config = config;
  }

  @GET
  @Path("sign-in")
  public Object signIn(@QueryParam("next") String next) {
    if (session.signedIn()) {
      return Response.seeOther(URI.create(safeNext(next))).build();
    }
    if (!local.enabled()) {
      return Response.seeOther(URI.create("/sign-in/oidc")).build();
    }
    return views.page("signin").data("identities", demoIdentities()).data("next", safeNext(next));
  }

  /** Reached after the identity provider's sign-in (the code flow guards this path). */
  @GET
  @Path("sign-in/oidc")
  public Response afterIdentityProvider() {
    return Response.seeOther(URI.create("/")).build();
  }

  @POST
  @Path("sign-in")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signInAs(@RestForm String identity, @RestForm String next) {
    if (!local.enabled()) {
      return Response.status(404).build();
    }
    LocalSessions.Identity who = resolve(identity == null ? "" : identity);
    if (who == null) {
      return Response.status(400)
          .type(MediaType.TEXT_HTML)
          .entity(
              views
                  .page("signin")
                  .data("identities", demoIdentities())
                  .data("next", safeNext(next))
                  .data(
                      "problem",
                      ApiProblem.of(
                          400, "Unknown identity", "Choose one of the listed identities."))
                  .render())
          .build();
    }
    return Response.seeOther(URI.create(safeNext(next)))
        .cookie(sessionCookie(local.sealed(local.token(who)), -1))
        .build();
  }

  @POST
  @Path("sign-out")
  public Response signOut() {
    URI to = URI.create(local.enabled() ? "/sign-in" : "/sign-out/oidc");
    return Response.seeOther(to).cookie(sessionCookie("", 0)).build();
  }

  @POST
  @Path("language")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response language(@RestForm String lang, @RestForm String back) {
    String chosen = Texts.LANGUAGES.contains(lang) ? lang : Texts.LANGUAGES.get(0);
    NewCookie cookie =
        new NewCookie.Builder(Session.LANGUAGE_COOKIE)
            .value(chosen)
            .path("/")
            .maxAge(365 * 24 * 3600)
            .sameSite(NewCookie.SameSite.LAX)
            .secure(config.secureCookies())
            .build();
    return Response.seeOther(URI.create(safeNext(back))).cookie(cookie).build();
  }

  private NewCookie sessionCookie(String value, int maxAge) {
    return new NewCookie.Builder(LocalSessions.COOKIE)
        .value(value)
        .path("/")
        .maxAge(maxAge)
        .httpOnly(true)
        .sameSite(NewCookie.SameSite.LAX)
        .secure(config.secureCookies())
        .build();
  }

  /** Only a path of this console: never another site (no open redirect). */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.startsWith("/sign-")) {
      return "/";
    }
    return next;
  }

  /** The identities a local sign-in offers: admin, staff of each unit, each expert. */
  private List<Map<String, String>> demoIdentities() {
    String admin = local.adminToken();
    List<Map<String, String>> out = new ArrayList<>();
    out.add(Map.of("value", "admin", "role", "admin", "name", "Programme manager", "unit", ""));
    JsonNode experts = api.get(admin, Api.Service.NOTIFICATIONS, "/api/v1/experts?limit=200");
    JsonNode needs = api.get(admin, Api.Service.MATCHING, "/api/v1/needs?limit=200");
    TreeSet<String> units = new TreeSet<>();
    experts.path("items").forEach(e -> units.add(e.path("businessUnit").asText()));
    needs.path("items").forEach(n -> units.add(n.path("businessUnit").asText()));
    units.remove("");
    for (String unit : units) {
      out.add(Map.of("value", "bu-staff:" + unit, "role", "bu-staff", "name", unit, "unit", unit));
    }
    for (JsonNode e : experts.path("items")) {
      out.add(
          Map.of(
              "value",
              "expert:" + e.path("id").asText(),
              "role",
              "expert",
              "name",
              e.path("name").asText(),
              "unit",
              e.path("businessUnit").asText()));
    }
    return out;
  }

  /** The identity a form value names, checked against the services; null if none. */
  private LocalSessions.Identity resolve(String value) {
    if (value.equals("admin")) {
      return new LocalSessions.Identity(
          "admin", "programme-manager", "Programme manager", List.of());
    }
    if (value.startsWith("bu-staff:") && value.length() > 9 && value.length() < 200) {
      String unit = value.substring(9);
      return new LocalSessions.Identity("bu-staff", unit, unit, List.of(unit));
    }
    if (value.startsWith("expert:")) {
      String id = value.substring(7);
      if (!id.matches("[0-9a-fA-F-]{36}")) {
        return null;
      }
      try {
        JsonNode expert =
            api.get(local.adminToken(), Api.Service.NOTIFICATIONS, "/api/v1/experts/" + id);
        String unit = expert.path("businessUnit").asText();
        return new LocalSessions.Identity(
            "expert", id, expert.path("name").asText(), List.of(unit));
      } catch (ApiProblem notFound) {
        return null;
      }
    }
    return null;
  }
}
