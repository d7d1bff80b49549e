package io.garagematch.console;

import static io.garagematch.console.Api.Service.MATCHING;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pilot board: my units' matches by lifecycle stage (overdue pilots marked), my own
 * assignments, and each of my units' queue of matches waiting for an expert with room.
 */
@Path("/board")
@Produces(MediaType.TEXT_HTML)
public class BoardPage {

  /** The stages a board shows, in the order a match moves through them. */
  static final List<String> STAGES =
      List.of(
          "PROPOSED",
          "SHORTLISTED",
          "ACCEPTED",
          "PILOT_STARTED",
          "PILOT_GO",
          "PURCHASE_ORDER_ISSUED",
          "PILOT_NO_GO",
          "REJECTED");

  private final Api api;
  private final Session session;
  private final Views views;

  public BoardPage(Api api, Session session, Views views) {
    this.api = api;
    this.session = session;
    this.views = views;
  }

  @GET
  public TemplateInstance board() {
    String token = session.token();
    Map<String, List<Map<String, Object>>> columns = new LinkedHashMap<>();
    STAGES.forEach(s -> columns.put(s, new ArrayList<>()));
    List<Map<String, Object>> mine = new ArrayList<>();
    List<String> units = new ArrayList<>();
    JsonNode needs = api.get(token, MATCHING, "/api/v1/needs?limit=200&status=OPEN");
    for (JsonNode need : needs.path("items")) {
      String unit = need.path("businessUnit").asText();
      if (!units.contains(unit)) {
        units.add(unit);
      }
      String needId = need.path("id").asText();
      JsonNode ranking = api.get(token, MATCHING, "/api/v1/needs/" + needId + "/matches?limit=200");
      for (JsonNode m : ranking.path("items")) {
        String status = m.path("status").asText("");
        if (!columns.containsKey(status)) {
          continue;
        }
        Map<String, Object> card = api.asMap(m);
        card.put("needTitle", need.path("title").asText());
        card.put("businessUnit", unit);
        if ("PILOT_STARTED".equals(status)) {
          JsonNode detail = api.get(token, MATCHING, "/api/v1/matches/" + m.path("id").asText());
          card.put("pilot", api.plain(detail.get("pilot")));
          card.put("pilotOverdue", detail.path("pilotOverdue").asBoolean(false));
        }
        columns.get(status).add(card);
        if (session.isExpert() && session.expertId().equals(m.path("ownerExpertId").asText())) {
          mine.add(card);
        }
      }
    }
    Map<String, Object> queues = new LinkedHashMap<>();
    for (String unit : units) {
      try {
        JsonNode queue =
            api.get(token, MATCHING, "/api/v1/business-units/" + unit + "/queue?limit=50");
        queues.put(unit, api.plain(queue.path("items")));
      } catch (ApiProblem notMine) {
        if (notMine.status() != 403 && notMine.status() != 404) {
          throw notMine;
        }
      }
    }
    return views
        .page("board")
        .data("stages", STAGES)
        .data("columns", columns)
        .data("mine", mine)
        .data("queues", queues);
  }
}
