package io.garagematch.console;

import static io.garagematch.console.Api.Service.MATCHING;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One match: who the startup is, why it matched, its history, and the decisions it allows. */
@Path("/matches")
@Produces(MediaType.TEXT_HTML)
public class MatchPages {

  private final Api api;
  private final Session session;
  private final Views views;

  public MatchPages(Api api, Session session, Views views) {
    this.api = api;
    this.session = session;
    this.views = views;
  }

  @GET
  @Path("{id}")
  public TemplateInstance match(@PathParam("id") UUID id) {
    Api.Reply match = api.getWithEtag(session.token(), MATCHING, "/api/v1/matches/" + id);
    return views
        .page("match")
        .data("m", api.plain(match.body()))
        .data("etag", match.etag().orElse(""));
  }

  /**
   * A decision from one of the match's forms; back to the page it came from (the match, or the
   * need's ranking for a one-click shortlist), or the page again with the service's problem.
   */
  @POST
  @Path("{id}/decisions")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Object decide(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
    try {
      api.send(
          session.token(),
          MATCHING,
          "POST",
          "/api/v1/matches/" + id + "/decisions",
          decision(form),
          blankToNull(form.getFirst("etag")));
    } catch (ApiProblem problem) {
      if (problem.status() >= 500 || problem.status() == 404 || problem.status() == 403) {
        throw problem;
      }
      return Response.status(problem.status())
          .type(MediaType.TEXT_HTML)
          .entity(match(id).data("problem", problem).data("form", form).render())
          .build();
    }
    String back = SignInResource.safeNext(form.getFirst("back"));
    return Response.seeOther(URI.create("/".equals(back) ? "/matches/" + id : back)).build();
  }

  /** The decision's JSON body from the form's fields; the service validates every one. */
  static Map<String, Object> decision(MultivaluedMap<String, String> form) {
    Map<String, Object> body = new LinkedHashMap<>();
    String decision = form.getFirst("decision");
    body.put("decision", decision);
    put(body, "reasonCode", form.getFirst("reasonCode"));
    put(body, "note", form.getFirst("note"));
    if ("PILOT_STARTED".equals(decision)) {
      Map<String, Object> pilot = new LinkedHashMap<>();
      pilot.put("successCriteria", NeedPages.lines(form.getFirst("successCriteria"), "\n"));
      pilot.put("budget", money(form.getFirst("budgetAmount"), form.getFirst("budgetCurrency")));
      put(pilot, "startDate", form.getFirst("startDate"));
      put(pilot, "plannedEndDate", form.getFirst("plannedEndDate"));
      put(pilot, "goNoGoDate", form.getFirst("goNoGoDate"));
      put(pilot, "ownerExpertId", form.getFirst("ownerExpertId"));
      put(pilot, "extensionReason", form.getFirst("extensionReason"));
      body.put("pilot", pilot);
    } else if ("PURCHASE_ORDER_ISSUED".equals(decision)) {
      Map<String, Object> po = new LinkedHashMap<>();
      put(po, "number", form.getFirst("poNumber"));
      put(po, "supplierNumber", form.getFirst("supplierNumber"));
      po.put("amount", money(form.getFirst("poAmount"), form.getFirst("poCurrency")));
      put(po, "date", form.getFirst("poDate"));
      body.put("purchaseOrder", po);
    } else if ("FINANCING_INTRODUCED".equals(decision)) {
      Map<String, Object> financing = new LinkedHashMap<>();
      put(financing, "institution", form.getFirst("institution"));
      put(financing, "kind", form.getFirst("kind"));
      put(financing, "date", form.getFirst("financingDate"));
      body.put("financing", financing);
    }
    return body;
  }

  private static Map<String, Object> money(String amount, String currency) {
    Map<String, Object> money = new LinkedHashMap<>();
    money.put("amount", NeedPages.number(amount, 1));
    put(money, "currency", currency);
    return money;
  }

  private static void put(Map<String, Object> map, String key, String value) {
    String v = blankToNull(value);
    if (v != null) {
      map.put(key, v.trim());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
