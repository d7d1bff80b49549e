package io.garagematch.matching.rest;

import io.garagematch.matching.service.PromotionView;
import io.garagematch.matching.service.ReplayView;
import io.garagematch.matching.service.UnitWeightsService;
import io.garagematch.matching.service.UnitWeightsView;
import io.garagematch.platform.rest.Requests;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/business-units/{unit}/weights}: a unit's weights in force, its decisions replayed
 * against them and against weights learned from them, and the promotion of learned weights.
 */
@Path("/api/v1/business-units/{unit}/weights")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Weights")
@SecurityRequirement(name = "bearer")
public class UnitWeightsResource {

  private final UnitWeightsService weights;
  private final Caller caller;

  public UnitWeightsResource(UnitWeightsService weights, Caller caller) {
    this.weights = weights;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.BU_STAFF, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "getUnitWeights",
      summary =
          "The unit's weights in force: what its needs without weights of their own score with")
  @APIResponse(
      responseCode = "200",
      description = "The weights in force",
      content = @Content(schema = @Schema(implementation = UnitWeightsView.class)))
  @APIResponse(responseCode = "403", description = "A unit the caller does not act for")
  public UnitWeightsView inForce(@PathParam("unit") String unit) {
    return weights.inForce(unit);
  }

  @GET
  @Path("replay")
  @RolesAllowed({Roles.BU_STAFF, Roles.EXPERT, Roles.ADMIN})
  @Operation(
      operationId = "replayUnitWeights",
      summary =
          "The unit's decisions replayed: the weights in force and weights learned from the"
              + " decisions (out of sample) side by side, and whether the learned ones may be"
              + " promoted")
  @APIResponse(
      responseCode = "200",
      description = "The replay",
      content = @Content(schema = @Schema(implementation = ReplayView.class)))
  @APIResponse(responseCode = "403", description = "A unit the caller does not act for")
  public ReplayView replay(@PathParam("unit") String unit) {
    return weights.replay(unit);
  }

  @POST
  @Path("promotions")
  @RolesAllowed({Roles.BU_STAFF, Roles.ADMIN})
  @Operation(
      operationId = "promoteUnitWeights",
      summary =
          "Promote weights learned from the unit's decisions if they rank them better than the"
              + " weights in force; the unit's open needs without weights of their own are"
              + " re-scored (match events as on a need update)")
  @APIResponse(
      responseCode = "201",
      description = "Promoted: the new weights in force",
      content = @Content(schema = @Schema(implementation = PromotionView.class)))
  @APIResponse(
      responseCode = "403",
      description = "An expert, or a unit the caller does not act for")
  @APIResponse(
      responseCode = "409",
      description =
          "weights-not-promotable: fewer than 30 decisions, decisions of one kind only, or learned"
              + " weights that do not rank the decisions better (the figures are in the problem)")
  public RestResponse<PromotionView> promote(@PathParam("unit") String unit) {
    PromotionView promoted = weights.promote(caller, unit);
    return Requests.created(
        UriBuilder.fromPath("/api/v1/business-units/{unit}/weights").build(unit), promoted);
  }
}
