package io.garagematch.notifications.rest;

import io.garagematch.notifications.domain.ExpertSpec;
import io.garagematch.notifications.domain.Preferences;
import io.garagematch.notifications.service.ExpertService;
import io.garagematch.notifications.service.ExpertView;
import io.garagematch.platform.rest.Cursor;
import io.garagematch.platform.rest.PageRequest;
import io.garagematch.platform.rest.Requests;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
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
 * {@code /api/v1/experts}: the experts directory. Admins manage it; bu-staff read their units'
 * experts; an expert reads their entry and changes their own preferences.
 */
@Path("/api/v1/experts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Experts")
@SecurityRequirement(name = "bearer")
public class ExpertResource {

  private final ExpertService experts;
  private final Caller caller;

  public ExpertResource(ExpertService experts, Caller caller) {
    this.experts = experts;
    this.caller = caller;
  }

  /** One page of experts; {@code nextCursor} is null on the last page. */
  public record ExpertPage(List<ExpertView> items, String nextCursor) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Register an expert (webhookSecret is shown here only, with WEBHOOK)")
  @APIResponse(
      responseCode = "201",
      description = "Registered",
      content = @Content(schema = @Schema(implementation = ExpertView.class)))
  @APIResponse(responseCode = "409", description = "An expert with this e-mail exists")
  public RestResponse<ExpertView> create(
      @NotNull(message = "a JSON body is required") @Valid ExpertSpec body) {
    ExpertView e = experts.create(caller, body);
    return Requests.created(URI.create("/api/v1/experts/" + e.id()), e, e.version());
  }

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.BU_STAFF})
  @Operation(summary = "List the experts the caller may see (admin: all; bu-staff: their units)")
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content = @Content(schema = @Schema(implementation = ExpertPage.class)))
  public ExpertPage list(@Valid @BeanParam PageRequest paging) {
    List<ExpertView> fetched = experts.page(caller, paging.after(), paging.fetchSize());
    return paging.page(fetched, e -> new Cursor(e.updatedAt(), e.id()), ExpertPage::new);
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.ADMIN, Roles.BU_STAFF, Roles.EXPERT})
  @Operation(summary = "Read an expert")
  @APIResponse(
      responseCode = "200",
      description = "The expert; its ETag is its version",
      content = @Content(schema = @Schema(implementation = ExpertView.class)))
  @APIResponse(responseCode = "404", description = "No such expert the caller may see")
  public RestResponse<ExpertView> get(@PathParam("id") UUID id) {
    return Requests.withEtag(experts.get(caller, id), ExpertView::version);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Replace an expert. If-Match must name the current version")
  @APIResponse(
      responseCode = "200",
      description = "The new version",
      content = @Content(schema = @Schema(implementation = ExpertView.class)))
  @APIResponse(responseCode = "404", description = "No such expert")
  @APIResponse(responseCode = "409", description = "Another expert has this e-mail")
  @APIResponse(responseCode = "412", description = "If-Match is not the current version")
  @APIResponse(responseCode = "428", description = "If-Match is missing")
  public RestResponse<ExpertView> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a JSON body is required") @Valid ExpertSpec body) {
    return Requests.withEtag(
        experts.update(caller, id, Requests.ifMatchVersion(ifMatch), body), ExpertView::version);
  }

  @PUT
  @Path("{id}/preferences")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ADMIN, Roles.EXPERT})
  @Operation(
      operationId = "updatePreferences",
      summary =
          "Change an expert's preferences (the expert themself, or an admin). If-Match must name the current version")
  @APIResponse(
      responseCode = "200",
      description = "The new version",
      content = @Content(schema = @Schema(implementation = ExpertView.class)))
  @APIResponse(responseCode = "404", description = "No such expert")
  @APIResponse(responseCode = "412", description = "If-Match is not the current version")
  @APIResponse(responseCode = "428", description = "If-Match is missing")
  public RestResponse<ExpertView> preferences(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a JSON body is required") @Valid Preferences body) {
    return Requests.withEtag(
        experts.updatePreferences(caller, id, Requests.ifMatchVersion(ifMatch), body),
        ExpertView::version);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Remove an expert (their delivery log stays)")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No such expert")
  public void delete(@PathParam("id") UUID id) {
    experts.delete(caller, id);
  }
}
