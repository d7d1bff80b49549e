package io.garagematch.notifications.rest;

import io.garagematch.notifications.domain.PartnerSubscriptionSpec;
import io.garagematch.notifications.service.PartnerSubscriptionService;
import io.garagematch.notifications.service.PartnerSubscriptionView;
import io.garagematch.platform.rest.Requests;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
 * {@code /api/v1/partner-subscriptions}: a partner's signed webhooks (docs/webhooks.md) telling
 * what becomes of its own startups' matches — business unit, need title, status, dates. Partners
 * for their own, admins see and remove all.
 */
@Path("/api/v1/partner-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner subscriptions")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.PARTNER, Roles.ADMIN})
public class PartnerSubscriptionResource {

  private final PartnerSubscriptionService subscriptions;
  private final Caller caller;

  public PartnerSubscriptionResource(PartnerSubscriptionService subscriptions, Caller caller) {
    this.subscriptions = subscriptions;
    this.caller = caller;
  }

  /** The caller's partner subscriptions (an admin: all). */
  public record PartnerSubscriptionList(List<PartnerSubscriptionView> items) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PARTNER)
  @Operation(
      summary =
          "Subscribe a webhook to the outcomes of your startups' matches; the answer shows the"
              + " signing secret, once")
  @APIResponse(
      responseCode = "201",
      description = "Subscribed",
      content = @Content(schema = @Schema(implementation = PartnerSubscriptionView.class)))
  public RestResponse<PartnerSubscriptionView> create(
      @NotNull(message = "a JSON body is required") @Valid PartnerSubscriptionSpec body) {
    PartnerSubscriptionView s = subscriptions.create(caller, body);
    return Requests.created(URI.create("/api/v1/partner-subscriptions/" + s.id()), s);
  }

  @GET
  @Operation(summary = "Your partner subscriptions (an admin: all)")
  @APIResponse(
      responseCode = "200",
      description = "The subscriptions",
      content = @Content(schema = @Schema(implementation = PartnerSubscriptionList.class)))
  public PartnerSubscriptionList list() {
    return new PartnerSubscriptionList(subscriptions.list(caller));
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One of your partner subscriptions")
  @APIResponse(
      responseCode = "200",
      description = "The subscription",
      content = @Content(schema = @Schema(implementation = PartnerSubscriptionView.class)))
  @APIResponse(responseCode = "404", description = "No such subscription of yours")
  public PartnerSubscriptionView get(@PathParam("id") UUID id) {
    return subscriptions.get(caller, id);
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Remove one of your partner subscriptions")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No such subscription of yours")
  public void delete(@PathParam("id") UUID id) {
    subscriptions.delete(caller, id);
  }
}
