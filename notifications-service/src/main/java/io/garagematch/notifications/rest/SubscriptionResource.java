package io.garagematch.notifications.rest;

import io.garagematch.notifications.domain.SubscriptionSpec;
import io.garagematch.notifications.service.SubscriptionService;
import io.garagematch.notifications.service.SubscriptionView;
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
 * {@code /api/v1/subscriptions}: webhook subscriptions to match events, signed per the Standard
 * Webhooks specification (docs/webhooks.md). bu-staff for their units, admin for all.
 */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.BU_STAFF, Roles.ADMIN})
public class SubscriptionResource {

  private final SubscriptionService subscriptions;
  private final Caller caller;

  public SubscriptionResource(SubscriptionService subscriptions, Caller caller) {
    this.subscriptions = subscriptions;
    this.caller = caller;
  }

  /** One page of subscriptions; {@code nextCursor} is null on the last page. */
  public record SubscriptionPage(List<SubscriptionView> items, String nextCursor) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Subscribe a webhook; the answer shows the signing secret, once")
  @APIResponse(
      responseCode = "201",
      description = "Subscribed",
      content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
  public RestResponse<SubscriptionView> create(
      @NotNull(message = "a JSON body is required") @Valid SubscriptionSpec body) {
    SubscriptionView s = subscriptions.create(caller, body);
    return Requests.created(URI.create("/api/v1/subscriptions/" + s.id()), s, s.version());
  }

  @GET
  @Operation(summary = "List the subscriptions of the caller's business units (admin: all)")
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content = @Content(schema = @Schema(implementation = SubscriptionPage.class)))
  public SubscriptionPage list(@Valid @BeanParam PageRequest paging) {
    List<SubscriptionView> fetched = subscriptions.page(caller, paging.after(), paging.fetchSize());
    return paging.page(fetched, s -> new Cursor(s.updatedAt(), s.id()), SubscriptionPage::new);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read a subscription (without its secret)")
  @APIResponse(
      responseCode = "200",
      description = "The subscription; its ETag is its version",
      content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
  @APIResponse(responseCode = "404", description = "No such subscription the caller may see")
  public RestResponse<SubscriptionView> get(@PathParam("id") UUID id) {
    return Requests.withEtag(subscriptions.get(caller, id), SubscriptionView::version);
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a subscription. If-Match must name the current version")
  @APIResponse(
      responseCode = "200",
      description = "The new version",
      content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
  @APIResponse(responseCode = "404", description = "No such subscription the caller may see")
  @APIResponse(responseCode = "412", description = "If-Match is not the current version")
  @APIResponse(responseCode = "428", description = "If-Match is missing")
  public RestResponse<SubscriptionView> update(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull(message = "a JSON body is required") @Valid SubscriptionSpec body) {
    return Requests.withEtag(
        subscriptions.update(caller, id, Requests.ifMatchVersion(ifMatch), body),
        SubscriptionView::version);
  }

  @POST
  @Path("{id}/secret")
  @Operation(summary = "Rotate the signing secret: the new one is shown once, the old one stops")
  @APIResponse(
      responseCode = "200",
      description = "The subscription with its new secret",
      content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
  @APIResponse(responseCode = "404", description = "No such subscription the caller may see")
  public RestResponse<SubscriptionView> rotate(@PathParam("id") UUID id) {
    return Requests.withEtag(subscriptions.rotateSecret(caller, id), SubscriptionView::version);
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Remove a subscription (its delivery log stays)")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No such subscription the caller may see")
  public void delete(@PathParam("id") UUID id) {
    subscriptions.delete(caller, id);
  }
}
