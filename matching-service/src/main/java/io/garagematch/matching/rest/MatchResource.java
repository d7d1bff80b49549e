package io.garagematch.matching.rest;

import io.garagematch.matching.domain.Decision;
import io.garagematch.matching.domain.RejectionReason;
import io.garagematch.matching.service.KpiService;
import io.garagematch.matching.service.MatchQueries;
import io.garagematch.matching.service.MatchService;
import io.garagematch.matching.service.MatchView;
import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** Matches: a need's ranking, a startup's matches, decisions; and the programme's KPIs. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"bu-staff", "expert", "admin"})
@Tag(name = "Matches")
@SecurityRequirement(name = "bearer")
@APIResponse(
    responseCode = "400",
    description = "Invalid input",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "A role the endpoint does not serve")
public class MatchResource {

  private final MatchQueries queries;
  private final MatchService matches;
  private final KpiService kpis;
  private final Caller caller;

  public MatchResource(MatchQueries queries, MatchService matches, KpiService kpis, Caller caller) {
    this.queries = queries;
    this.matches = matches;
    this.kpis = kpis;
    this.caller = caller;
  }

  /** Matches, best first ({@code nextCursor}: always null, one page). */
  public record MatchList(List<MatchView> items, String nextCursor) {}

  /** A decision on a match; {@code reasonCode} is required with REJECTED. */
  public record DecisionRequest(
      @NotNull Decision decision, RejectionReason reasonCode, @Size(max = 2000) String note) {}

  @GET
  @Path("applications/{id}/matches")
  @Operation(
      summary = "The matches of a startup application on needs the caller may see, best first")
  @APIResponse(
      responseCode = "200",
      description = "Its matches",
      content = @Content(schema = @Schema(implementation = MatchList.class)))
  public MatchList ofApplication(@PathParam("id") UUID id) {
    return new MatchList(queries.ofApplication(caller, id), null);
  }

  @POST
  @Path("matches/{id}/decisions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Record a decision on a match (emits match.decided)")
  @APIResponse(
      responseCode = "201",
      description = "The match with its new status",
      content = @Content(schema = @Schema(implementation = MatchView.class)))
  @APIResponse(responseCode = "404", description = "No such match the caller may see")
  @APIResponse(responseCode = "409", description = "The match is withdrawn")
  public RestResponse<MatchView> decide(
      @PathParam("id") UUID id,
      @NotNull(message = "a JSON body is required") @Valid DecisionRequest body) {
    var m = matches.decide(caller, id, body.decision(), body.reasonCode(), body.note());
    return RestResponse.status(RestResponse.Status.CREATED, MatchQueries.view(m));
  }

  @GET
  @Path("program/kpis")
  @Operation(summary = "Programme KPIs against the programme's targets")
  @APIResponse(
      responseCode = "200",
      description = "The KPIs",
      content = @Content(schema = @Schema(implementation = KpiService.Kpis.class)))
  public KpiService.Kpis kpis() {
    return kpis.kpis();
  }
}
