package io.garagematch.matching.rest;

import io.garagematch.matching.domain.DecisionInput;
import io.garagematch.matching.service.KpiService;
import io.garagematch.matching.service.MatchDetail;
import io.garagematch.matching.service.MatchQueries;
import io.garagematch.matching.service.MatchService;
import io.garagematch.matching.service.MatchView;
import io.garagematch.matching.service.UnitAccess;
import io.garagematch.platform.rest.Requests;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Matches: a startup's matches, one match with its history, decisions and owners, a unit's queue,
 * why a pair is or is not ranked; and the programme's KPIs.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.BU_STAFF, Roles.EXPERT, Roles.ADMIN})
@Tag(name = "Matches")
@SecurityRequirement(name = "bearer")
public class MatchResource {

  private final MatchQueries queries;
  private final MatchService matches;
  private final KpiService kpis;
  private final Caller caller;
  private final UnitAccess access;

  public MatchResource(
      MatchQueries queries,
      MatchService matches,
      KpiService kpis,
      Caller caller,
      UnitAccess access) {
    this.queries = queries;
    this.matches = matches;
    this.kpis = kpis;
    this.caller = caller;
    this.access = access;
  }

  /** Matches, best first ({@code nextCursor}: always null, one page). */
  public record MatchList(List<MatchView> items, String nextCursor) {}

  /** Who should review an open match: an expert of its unit, or null for the unit's queue. */
  public record OwnerRequest(UUID expertId) {}

  @GET
  @Path("applications/{id}/matches")
  @Operation(
      operationId = "listApplicationMatches",
      summary = "The matches of a startup application on needs the caller may see, best first")
  @APIResponse(
      responseCode = "200",
      description = "Its matches, each with the startup's card",
      content = @Content(schema = @Schema(implementation = MatchList.class)))
  public MatchList ofApplication(@PathParam("id") UUID id) {
    return new MatchList(queries.ofApplication(caller, id), null);
  }

  @GET
  @Path("matches/{id}")
  @Operation(
      operationId = "getMatch",
      summary =
          "One match: the startup's card, the score and its why, the owner, the pilot, and the"
              + " whole decision history")
  @APIResponse(
      responseCode = "200",
      description = "The match; its ETag is its version",
      content = @Content(schema = @Schema(implementation = MatchDetail.class)))
  @APIResponse(responseCode = "404", description = "No such match the caller may see")
  public RestResponse<MatchDetail> detail(@PathParam("id") UUID id) {
    return Requests.withEtag(queries.detail(caller, id), MatchDetail::version);
  }

  @POST
  @Path("matches/{id}/decisions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Record a decision on a match as the lifecycle allows (emits match.decided); If-Match,"
              + " when sent, must name the match's version")
  @APIResponse(
      responseCode = "201",
      description = "The match after the decision",
      content = @Content(schema = @Schema(implementation = MatchDetail.class)))
  @APIResponse(responseCode = "403", description = "REVERTED by someone other than an admin")
  @APIResponse(responseCode = "404", description = "No such match the caller may see")
  @APIResponse(
      responseCode = "409",
      description =
          "illegal-transition: the lifecycle does not allow it now (allowed: the steps"
              + " that may follow)")
  @APIResponse(responseCode = "412", description = "If-Match is not the match's version")
  public RestResponse<MatchDetail> decide(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull(message = "a JSON body is required") @Valid DecisionInput body) {
    matches.decide(caller, id, body, Requests.optionalIfMatchVersion(ifMatch));
    MatchDetail d = queries.detail(caller, id);
    return Requests.withEtag(RestResponse.Status.CREATED, d, d.version());
  }

  @PUT
  @Path("matches/{id}/owner")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BU_STAFF, Roles.ADMIN})
  @Operation(
      summary =
          "Give an open match to another expert of its unit, or back to the unit's queue"
              + " (emits match.assigned)")
  @APIResponse(
      responseCode = "200",
      description = "The match with its new owner",
      content = @Content(schema = @Schema(implementation = MatchDetail.class)))
  @APIResponse(responseCode = "404", description = "No such match the caller may see")
  @APIResponse(responseCode = "409", description = "The match is no longer open")
  @APIResponse(responseCode = "412", description = "If-Match is not the match's version")
  public RestResponse<MatchDetail> reassign(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull(message = "a JSON body is required") OwnerRequest body) {
    matches.reassign(id, body.expertId(), Requests.optionalIfMatchVersion(ifMatch));
    return Requests.withEtag(queries.detail(caller, id), MatchDetail::version);
  }

  @GET
  @Path("business-units/{unit}/queue")
  @Operation(
      operationId = "getUnitQueue",
      summary = "The unit's open matches waiting for an expert with room, oldest first")
  @APIResponse(
      responseCode = "200",
      description = "The queue",
      content = @Content(schema = @Schema(implementation = MatchList.class)))
  @APIResponse(responseCode = "403", description = "A unit the caller does not act for")
  public MatchList queue(@PathParam("unit") String unit) {
    return new MatchList(queries.queue(unit), null);
  }

  @GET
  @Path("program/kpis")
  @Operation(
      operationId = "getProgramKpis",
      summary =
          "Programme KPIs against their targets, from current states, within a window (default:"
              + " the programme's), for a unit or partner, month by month")
  @APIResponse(
      responseCode = "200",
      description = "The KPIs",
      content = @Content(schema = @Schema(implementation = KpiService.Kpis.class)))
  @APIResponse(responseCode = "403", description = "A business unit the caller does not act for")
  public KpiService.Kpis kpis(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("businessUnit") String businessUnit,
      @QueryParam("partnerId") String partnerId) {
    if (businessUnit != null) {
      access.requireBusinessUnit(businessUnit);
    }
    return kpis.kpis(
        Requests.dateParam("from", from), Requests.dateParam("to", to), businessUnit, partnerId);
  }
}
