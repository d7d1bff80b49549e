package io.garagematch.matching.rest;

import io.garagematch.matching.domain.NeedSpec;
import io.garagematch.matching.domain.NeedStatus;
import io.garagematch.matching.service.CandidateView;
import io.garagematch.matching.service.MatchQueries;
import io.garagematch.matching.service.NeedService;
import io.garagematch.matching.service.NeedView;
import io.garagematch.platform.rest.Cursor;
import io.garagematch.platform.rest.PageRequest;
import io.garagematch.platform.rest.Requests;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/needs}: business units' needs. bu-staff for their units, admin for all. */
@Path("/api/v1/needs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Needs")
@SecurityRequirement(name = "bearer")
public class NeedResource {

  private final NeedService needs;
  private final MatchQueries queries;
  private final Caller caller;

  public NeedResource(NeedService needs, MatchQueries queries, Caller caller) {
    this.needs = needs;
    this.queries = queries;
    this.caller = caller;
  }

  /** One page of needs; {@code nextCursor} is null on the last page. */
  public record NeedPage(List<NeedView> items, String nextCursor) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BU_STAFF, Roles.ADMIN})
  @Operation(summary = "Open a need; it is matched against every active startup at once")
  @APIResponse(
      responseCode = "201",
      description = "Opened",
      content = @Content(schema = @Schema(implementation = NeedView.class)))
  public RestResponse<NeedView> open(
      @NotNull(message = "a JSON body is required") @Valid NeedSpec body) {
    NeedView n = needs.open(caller, body);
    return Requests.created(URI.create("/api/v1/needs/" + n.id()), n, n.version());
  }

  @GET
  @RolesAllowed({Roles.BU_STAFF, Roles.EXPERT, Roles.ADMIN})
  @Operation(summary = "List the needs the caller may see, oldest change first")
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content = @Content(schema = @Schema(implementation = NeedPage.class)))
  public NeedPage list(
      @Parameter(schema = @Schema(implementation = NeedStatus.class)) @QueryParam("status")
          String status,
      @Valid @BeanParam PageRequest paging) {
    List<NeedView> fetched =
        needs.page(
            caller,
            Requests.enumParam(NeedStatus.class, "status", status),
            paging.after(),
            paging.fetchSize());
    return paging.page(fetched, n -> new Cursor(n.updatedAt(), n.id()), NeedPage::new);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.BU_STAFF, Roles.EXPERT, Roles.ADMIN})
  @Operation(summary = "Read a need")
  @APIResponse(
      responseCode = "200",
      description = "The need; its ETag is its version",
      content = @Content(schema = @Schema(implementation = NeedView.class)))
  @APIResponse(responseCode = "404", description = "No such need the caller may see")
  public RestResponse<NeedView> get(@PathParam("id") UUID id) {
    return Requests.withEtag(needs.get(caller, id), NeedView::version);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.BU_STAFF, Roles.ADMIN})
  @Operation(
      summary = "Replace a need: a new version, re-matched. If-Match must name the current version")
  @APIResponse(
      responseCode = "200",
      description = "The new version",
      content = @Content(schema = @Schema(implementation = NeedView.class)))
  @APIResponse(responseCode = "404", description = "No such need the caller may see")
  @APIResponse(responseCode = "409", description = "The need is closed")
  @APIResponse(responseCode = "412", description = "If-Match is not the current version")
  @APIResponse(responseCode = "428", description = "If-Match is missing")
  public RestResponse<NeedView> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a JSON body is required") @Valid NeedSpec body) {
    return Requests.withEtag(
        needs.update(caller, id, Requests.ifMatchVersion(ifMatch), body), NeedView::version);
  }

  @POST
  @Path("{id}/closure")
  @RolesAllowed({Roles.BU_STAFF, Roles.ADMIN})
  @Operation(
      summary =
          "Close a need; its open matches are withdrawn. If-Match, when sent, must name the"
              + " current version")
  @APIResponse(
      responseCode = "200",
      description = "The closed need",
      content = @Content(schema = @Schema(implementation = NeedView.class)))
  @APIResponse(responseCode = "404", description = "No such need the caller may see")
  @APIResponse(responseCode = "412", description = "If-Match is not the current version")
  public RestResponse<NeedView> close(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return Requests.withEtag(
        needs.close(caller, id, Requests.optionalIfMatchVersion(ifMatch)), NeedView::version);
  }

  @GET
  @Path("{id}/matches")
  @RolesAllowed({Roles.BU_STAFF, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "rankStartups",
      summary =
          "The need's ranking: every active startup passing its hard filters, best first, with breakdown and hard checks")
  @APIResponse(
      responseCode = "200",
      description = "Ranked best first",
      content = @Content(schema = @Schema(implementation = MatchResource.MatchList.class)))
  @APIResponse(responseCode = "404", description = "No such need the caller may see")
  public MatchResource.MatchList ranking(
      @PathParam("id") UUID id,
      @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(200) int limit) {
    return new MatchResource.MatchList(queries.ranking(caller, id, limit), null);
  }

  @GET
  @Path("{id}/candidates/{applicationId}")
  @RolesAllowed({Roles.BU_STAFF, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "explainCandidate",
      summary =
          "Why a startup is or is not in a need's ranking: each hard check and each component,"
              + " whether or not it passes the filters or the threshold")
  @APIResponse(
      responseCode = "200",
      description = "The pair explained",
      content = @Content(schema = @Schema(implementation = CandidateView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such need the caller may see, or no such (or an erased) startup")
  public CandidateView candidate(
      @PathParam("id") UUID id, @PathParam("applicationId") UUID applicationId) {
    return queries.candidate(caller, id, applicationId);
  }
}
