package io.garagematch.applications.rest;

import io.garagematch.applications.domain.ApplicationProfile;
import io.garagematch.applications.service.ApplicationService;
import io.garagematch.applications.service.ApplicationView;
import io.garagematch.contracts.application.ApplicationStatus;
import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.problem.ProblemException;
import io.garagematch.platform.rest.Cursor;
import io.garagematch.platform.rest.PageRequest;
import io.garagematch.platform.rest.Requests;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/applications}: a partner's startup applications. The partner is the token's {@code
 * partner_id}; another partner's application is "not found".
 */
@Path("/api/v1/applications")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
@SecurityRequirement(name = "bearer")
public class ApplicationResource {

  private final ApplicationService applications;
  private final Caller caller;

  public ApplicationResource(ApplicationService applications, Caller caller) {
    this.applications = applications;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Submit a startup application")
  @APIResponse(
      responseCode = "201",
      description = "Submitted (or, for a repeated Idempotency-Key, submitted before)",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(responseCode = "409", description = "The startup is already in the programme")
  @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
  public RestResponse<ApplicationView> submit(
      @Parameter(description = "Makes retries safe: the same key and body return the first answer")
          @HeaderParam("Idempotency-Key")
          @Size(min = 1, max = 200)
          @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
          String idempotencyKey,
      @NotNull(message = "a JSON body is required") @Valid ApplicationProfile body) {
    ApplicationView a = applications.submit(partnerId(), body, idempotencyKey).application();
    return Requests.created(URI.create("/api/v1/applications/" + a.id()), a, a.version());
  }

  @GET
  @Operation(summary = "List the caller's applications, oldest change first")
  @APIResponse(
      responseCode = "200",
      description = "One page of applications",
      content = @Content(schema = @Schema(implementation = ApplicationPage.class)))
  public ApplicationPage list(
      @Parameter(schema = @Schema(implementation = ApplicationStatus.class)) @QueryParam("status")
          String status,
      @Parameter(
              description = "Only applications changed at or after this instant (ISO-8601)",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("updatedSince")
          String updatedSince,
      @Valid @BeanParam PageRequest paging) {
    List<ApplicationView> fetched =
        applications.page(
            partnerId(),
            Requests.enumParam(ApplicationStatus.class, "status", status),
            Requests.instantParam("updatedSince", updatedSince),
            paging.after(),
            paging.fetchSize());
    return paging.page(fetched, a -> new Cursor(a.updatedAt(), a.id()), ApplicationPage::new);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read one of the caller's applications")
  @APIResponse(
      responseCode = "200",
      description = "The application; its ETag is its version",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(responseCode = "404", description = "No such application of the caller")
  public RestResponse<ApplicationView> get(@PathParam("id") UUID id) {
    return Requests.withEtag(applications.get(partnerId(), id), ApplicationView::version);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the profile: a new version. If-Match must name the current version")
  @APIResponse(
      responseCode = "200",
      description = "The new version",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(responseCode = "404", description = "No such application of the caller")
  @APIResponse(responseCode = "409", description = "Withdrawn, or now a duplicate")
  @APIResponse(responseCode = "412", description = "If-Match is not the current version")
  @APIResponse(responseCode = "428", description = "If-Match is missing")
  public RestResponse<ApplicationView> update(
      @PathParam("id") UUID id,
      @Parameter(description = "The version read, as its ETag (e.g. \"3\")")
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @NotNull(message = "a JSON body is required") @Valid ApplicationProfile body) {
    return Requests.withEtag(
        applications.update(partnerId(), id, Requests.ifMatchVersion(ifMatch), body),
        ApplicationView::version);
  }

  @POST
  @Path("{id}/withdrawal")
  @Operation(summary = "Withdraw an application (again: no change)")
  @APIResponse(
      responseCode = "200",
      description = "The withdrawn application",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(responseCode = "404", description = "No such application of the caller")
  public RestResponse<ApplicationView> withdraw(@PathParam("id") UUID id) {
    return Requests.withEtag(applications.withdraw(partnerId(), id), ApplicationView::version);
  }

  @POST
  @Path("{id}/erasure")
  @Operation(summary = "Erase the contact data (GDPR / PIPL); business facts stay")
  @APIResponse(
      responseCode = "200",
      description = "The application without contact data",
      content = @Content(schema = @Schema(implementation = ApplicationView.class)))
  @APIResponse(responseCode = "404", description = "No such application of the caller")
  public RestResponse<ApplicationView> erase(@PathParam("id") UUID id) {
    return Requests.withEtag(applications.erase(partnerId(), id), ApplicationView::version);
  }

  @GET
  @Path("{id}/versions")
  @Operation(summary = "Every version of an application, oldest first")
  @APIResponse(
      responseCode = "200",
      description = "The versions",
      content = @Content(schema = @Schema(implementation = ApplicationHistory.class)))
  @APIResponse(responseCode = "404", description = "No such application of the caller")
  public ApplicationHistory history(@PathParam("id") UUID id) {
    return new ApplicationHistory(applications.history(partnerId(), id), null);
  }

  private String partnerId() {
    return caller
        .partnerId()
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        403,
                        "partner-claim-missing",
                        "The token names no partner",
                        "a partner token needs a partner_id claim")));
  }
}
