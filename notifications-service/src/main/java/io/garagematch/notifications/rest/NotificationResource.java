package io.garagematch.notifications.rest;

import io.garagematch.notifications.domain.Channel;
import io.garagematch.notifications.domain.NotificationStatus;
import io.garagematch.notifications.service.NotificationService;
import io.garagematch.notifications.service.NotificationView;
import io.garagematch.platform.rest.Cursor;
import io.garagematch.platform.rest.PageRequest;
import io.garagematch.platform.rest.Requests;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/notifications}: the delivery log — per notification its status, attempts and last
 * error — and replay of failed or dead ones. Admins see all, bu-staff their units' recipients,
 * experts their own.
 */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery log")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.ADMIN, Roles.BU_STAFF, Roles.EXPERT})
public class NotificationResource {

  private final NotificationService notifications;
  private final Caller caller;

  public NotificationResource(NotificationService notifications, Caller caller) {
    this.notifications = notifications;
    this.caller = caller;
  }

  /** One page of the log, oldest first; {@code nextCursor} is null on the last page. */
  public record NotificationPage(List<NotificationView> items, String nextCursor) {}

  @GET
  @Operation(
      operationId = "listNotifications",
      summary = "The delivery log, oldest first, filtered by recipient, status and channel")
  @APIResponse(
      responseCode = "200",
      description = "One page",
      content = @Content(schema = @Schema(implementation = NotificationPage.class)))
  public NotificationPage log(
      @QueryParam("recipientId") UUID recipientId,
      @Parameter(schema = @Schema(implementation = NotificationStatus.class)) @QueryParam("status")
          String status,
      @Parameter(schema = @Schema(implementation = Channel.class)) @QueryParam("channel")
          String channel,
      @Valid @BeanParam PageRequest paging) {
    List<NotificationView> fetched =
        notifications.log(
            caller,
            recipientId,
            Requests.enumParam(NotificationStatus.class, "status", status),
            Requests.enumParam(Channel.class, "channel", channel),
            paging.after(),
            paging.fetchSize());
    return paging.page(fetched, n -> new Cursor(n.createdAt(), n.id()), NotificationPage::new);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One notification's delivery state")
  @APIResponse(
      responseCode = "200",
      description = "The notification",
      content = @Content(schema = @Schema(implementation = NotificationView.class)))
  @APIResponse(responseCode = "404", description = "No such notification the caller may see")
  public NotificationView get(@PathParam("id") UUID id) {
    return notifications.get(caller, id);
  }

  @POST
  @Path("{id}/replay")
  @RolesAllowed({Roles.ADMIN, Roles.BU_STAFF})
  @Operation(summary = "Send a FAILED or DEAD notification again, with a fresh set of attempts")
  @APIResponse(
      responseCode = "200",
      description = "The notification, PENDING again",
      content = @Content(schema = @Schema(implementation = NotificationView.class)))
  @APIResponse(responseCode = "404", description = "No such notification the caller may see")
  @APIResponse(responseCode = "409", description = "The notification is not FAILED or DEAD")
  public NotificationView replay(@PathParam("id") UUID id) {
    return notifications.replay(caller, id);
  }
}
