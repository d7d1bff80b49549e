package io.garagematch.console;

import static io.garagematch.console.Api.Service.MATCHING;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The programme dashboard: the KPIs against their targets, month by month, and as CSV. */
@Path("/program")
public class ProgramPages {

  private final Api api;
  private final Session session;
  private final Views views;

  public ProgramPages(Api api, Session session, Views views) {
    this.api = api;
    this.session = session;
    this.views = views;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance dashboard(@QueryParam("businessUnit") String unit) {
    JsonNode kpis = kpis(unit);
    return views
        .page("program")
        .data("kpis", api.plain(kpis))
        .data("kpisJson", kpis.toString())
        .data("labelsJson", labels(kpis))
        .data("unit", unit == null ? "" : unit)
        .data("units", units());
  }

  /** One row per month, one column per KPI: the monthly values a spreadsheet reads. */
  @GET
  @Path("kpis.csv")
  @Produces("text/csv")
  public Response csv(@QueryParam("businessUnit") String unit) {
    JsonNode kpis = kpis(unit);
    TreeSet<String> months = new TreeSet<>();
    List<String> names = new ArrayList<>();
    for (JsonNode k : kpis.path("items")) {
      names.add(k.path("name").asText());
      k.path("byMonth").forEach(m -> months.add(m.path("month").asText()));
    }
    StringBuilder out = new StringBuilder("month");
    names.forEach(n -> out.append(',').append(n));
    out.append('\n');
    for (String month : months) {
      out.append(month);
      for (JsonNode k : kpis.path("items")) {
        long value = 0;
        for (JsonNode m : k.path("byMonth")) {
          if (month.equals(m.path("month").asText())) {
            value = m.path("value").asLong();
          }
        }
        out.append(',').append(value);
      }
      out.append('\n');
    }
    out.append("total");
    kpis.path("items").forEach(k -> out.append(',').append(k.path("value").asLong()));
    out.append('\n').append("target");
    kpis.path("items")
        .forEach(
            k -> out.append(',').append(k.hasNonNull("target") ? k.get("target").asText() : ""));
    out.append('\n');
    String name =
        "garagematch-kpis"
            + (NeedPages.blank(unit) ? "" : "-" + unit.replaceAll("[^A-Za-z0-9-]", ""))
            + ".csv";
    return Response.ok(out.toString())
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  /** Each KPI's name in the reader's language, for the charts. */
  private String labels(JsonNode kpis) {
    java.util.Map<String, String> words = Texts.of(session.language());
    com.fasterxml.jackson.databind.node.ObjectNode out =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    kpis.path("items")
        .forEach(
            k -> {
              String name = k.path("name").asText();
              out.put(name, words.getOrDefault("kpi_" + name, name));
            });
    out.put("_target", words.getOrDefault("target", "target"));
    out.put("_value", words.getOrDefault("value", "value"));
    return out.toString();
  }

  private JsonNode kpis(String unit) {
    String query =
        NeedPages.blank(unit)
            ? ""
            : "?businessUnit="
                + java.net.URLEncoder.encode(unit, java.nio.charset.StandardCharsets.UTF_8);
    return api.get(session.token(), MATCHING, "/api/v1/program/kpis" + query);
  }

  private List<String> units() {
    TreeSet<String> units = new TreeSet<>();
    api.get(session.token(), MATCHING, "/api/v1/needs?limit=200")
        .path("items")
        .forEach(n -> units.add(n.path("businessUnit").asText()));
    return List.copyOf(units);
  }
}
