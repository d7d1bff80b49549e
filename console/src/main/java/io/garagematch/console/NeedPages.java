package io.garagematch.console;

import static io.garagematch.console.Api.Service.MATCHING;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The needs of my units: the list, one need with its ranking, comparison and "why not". */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class NeedPages {

  /** The need fields staff write ({@code NeedSpec} in matching-service). */
  private static final List<String> SPEC =
      List.of(
          "businessUnit",
          "language",
          "title",
          "problemStatement",
          "keywords",
          "innovationFields",
          "minTrl",
          "maxTrl",
          "fundingStages",
          "regions",
          "matchThreshold",
          "weights");

  private final Api api;
  private final Session session;
  private final Views views;

  public NeedPages(Api api, Session session, Views views) {
    this.api = api;
    this.session = session;
    this.views = views;
  }

  @GET
  public Response home() {
    return Response.seeOther(URI.create("/needs")).build();
  }

  @GET
  @Path("needs")
  public TemplateInstance needs(@QueryParam("status") String status) {
    String filter = "CLOSED".equals(status) ? "&status=CLOSED" : "&status=OPEN";
    JsonNode page = api.get(session.token(), MATCHING, "/api/v1/needs?limit=200" + filter);
    List<Object> items = new ArrayList<>();
    page.path("items").forEach(n -> items.add(api.plain(n)));
    return views
        .page("needs")
        .data("needs", items)
        .data("status", "CLOSED".equals(status) ? "CLOSED" : "OPEN");
  }

  @GET
  @Path("needs/{id}")
  public TemplateInstance need(
      @PathParam("id") UUID id,
      @QueryParam("minScore") Integer minScore,
      @QueryParam("country") String country,
      @QueryParam("stage") String stage,
      @QueryParam("language") String language,
      @QueryParam("edit") boolean edit) {
    Api.Reply need = api.getWithEtag(session.token(), MATCHING, "/api/v1/needs/" + id);
    JsonNode ranking =
        api.get(session.token(), MATCHING, "/api/v1/needs/" + id + "/matches?limit=100");
    List<Object> items = new ArrayList<>();
    for (JsonNode m : ranking.path("items")) {
      JsonNode s = m.path("startup");
      boolean keep =
          (minScore == null || m.path("score").asDouble() * 100 >= minScore)
              && (blank(country) || country.equalsIgnoreCase(s.path("country").asText()))
              && (blank(stage) || stage.equals(s.path("fundingStage").asText()))
              && (blank(language) || language.equals(s.path("language").asText()));
      if (keep) {
        items.add(api.plain(m));
      }
    }
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("minScore", minScore);
    filters.put("country", country);
    filters.put("stage", stage);
    filters.put("language", language);
    return views
        .page("need")
        .data("need", api.plain(need.body()))
        .data("etag", need.etag().orElse(""))
        .data("ranking", items)
        .data("total", ranking.path("items").size())
        .data("filters", filters)
        .data("edit", edit);
  }

  @POST
  @Path("needs/{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Object update(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
    JsonNode current = api.get(session.token(), MATCHING, "/api/v1/needs/" + id);
    Map<String, Object> spec = new LinkedHashMap<>();
    for (String field : SPEC) {
      spec.put(field, api.plain(current.get(field)));
    }
    spec.put("title", form.getFirst("title"));
    spec.put("problemStatement", form.getFirst("problemStatement"));
    spec.put("keywords", lines(form.getFirst("keywords"), ","));
    spec.put("minTrl", number(form.getFirst("minTrl"), 1));
    spec.put("maxTrl", number(form.getFirst("maxTrl"), 1));
    spec.put("matchThreshold", number(form.getFirst("matchThreshold"), 100));
    try {
      api.send(
          session.token(), MATCHING, "PUT", "/api/v1/needs/" + id, spec, form.getFirst("etag"));
    } catch (ApiProblem problem) {
      if (problem.status() == 400 || problem.status() == 412 || problem.status() == 409) {
        return Response.status(problem.status())
            .type(MediaType.TEXT_HTML)
            .entity(need(id, null, null, null, null, true).data("problem", problem).render())
            .build();
      }
      throw problem;
    }
    return Response.seeOther(URI.create("/needs/" + id)).build();
  }

  @POST
  @Path("needs/{id}/closure")
  public Response close(@PathParam("id") UUID id, @jakarta.ws.rs.FormParam("etag") String etag) {
    api.send(session.token(), MATCHING, "POST", "/api/v1/needs/" + id + "/closure", null, etag);
    return Response.seeOther(URI.create("/needs/" + id)).build();
  }

  /** Two or three of the need's matches side by side. */
  @GET
  @Path("needs/{id}/compare")
  public TemplateInstance compare(@PathParam("id") UUID id, @QueryParam("match") List<UUID> ids) {
    JsonNode need = api.get(session.token(), MATCHING, "/api/v1/needs/" + id);
    List<Object> matches = new ArrayList<>();
    for (UUID m : ids.stream().distinct().limit(3).toList()) {
      matches.add(api.plain(api.get(session.token(), MATCHING, "/api/v1/matches/" + m)));
    }
    return views.page("compare").data("need", api.plain(need)).data("matches", matches);
  }

  /** Why a startup is, or is not, in the need's ranking. */
  @GET
  @Path("needs/{id}/why-not")
  public TemplateInstance whyNot(
      @PathParam("id") UUID id, @QueryParam("application") String application) {
    JsonNode need = api.get(session.token(), MATCHING, "/api/v1/needs/" + id);
    Object candidate = null;
    ApiProblem problem = null;
    String app = application == null ? "" : application.trim();
    if (!app.isEmpty()) {
      try {
        UUID appId = UUID.fromString(app);
        candidate =
            api.plain(
                api.get(session.token(), MATCHING, "/api/v1/needs/" + id + "/candidates/" + appId));
      } catch (IllegalArgumentException notAnId) {
        problem =
            ApiProblem.of(
                400,
                "Not an application id",
                "An application id looks like 7226435b-704d-4f3f-b70d-547129cf272d.");
      } catch (ApiProblem p) {
        if (p.status() != 404) {
          throw p;
        }
        problem = p;
      }
    }
    return views
        .page("whynot")
        .data("need", api.plain(need))
        .data("application", app)
        .data("candidate", candidate)
        .data("problem", problem);
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * A form's number divided by {@code scale} (a percentage field has 100); text that is no number
   * is passed on as it is, for the service to refuse with its own words.
   */
  static Object number(String s, int scale) {
    if (blank(s)) {
      return null;
    }
    try {
      java.math.BigDecimal n = new java.math.BigDecimal(s.trim());
      return scale == 1 ? n : n.divide(java.math.BigDecimal.valueOf(scale));
    } catch (NumberFormatException | ArithmeticException e) {
      return s;
    }
  }

  static List<String> lines(String s, String separator) {
    if (blank(s)) {
      return List.of();
    }
    return Arrays.stream(s.split(separator)).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }
}
