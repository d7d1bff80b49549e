package io.garagematch.notifications.rest;

import io.garagematch.notifications.service.InboxItem;
import io.garagematch.notifications.service.InboxStream;
import io.garagematch.notifications.service.NotificationService;
import io.garagematch.notifications.service.NotificationsConfig;
import io.garagematch.platform.rest.Cursor;
import io.garagematch.platform.rest.PageRequest;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/experts/{id}/inbox}: an expert's in-app notifications, newest first, and a
 * Server-Sent-Events stream of new ones. Only the expert themself (or an admin).
 */
@Path("/api/v1/experts/{id}/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox")
@SecurityRequirement(name = "bearer")
public class InboxResource {

  private final NotificationService notifications;
  private final InboxStream stream;
  private final Caller caller;
  private final NotificationsConfig config;

  public InboxResource(
      NotificationService notifications,
      InboxStream stream,
      Caller caller,
      NotificationsConfig config) {
    this.notifications = notifications;
    this.stream = stream;
    this.caller = caller;
    this.config = config;
  }

  /** One page of the inbox, newest first; {@code nextCursor} is null on the last page. */
  public record InboxPage(List<InboxItem> items, long unread, String nextCursor) {}

  @GET
  @RolesAllowed({Roles.EXPERT, Roles.ADMIN})
  @Operation(operationId = "listInbox", summary = "The expert's inbox, newest first")
  @APIResponse(responseCode = "404", description = "No such expert, or another expert's inbox")
  @APIResponse(
      responseCode = "200",
      description = "One page, with the number of unread items",
      content = @Content(schema = @Schema(implementation = InboxPage.class)))
  public InboxPage inbox(
      @PathParam("id") UUID id,
      @QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
      @Valid @BeanParam PageRequest paging) {
    List<InboxItem> fetched =
        notifications.inbox(caller, id, unreadOnly, paging.after(), paging.fetchSize());
    long unread = notifications.unread(caller, id);
    return paging.page(
        fetched,
        i -> new Cursor(i.createdAt(), i.id()),
        (items, next) -> new InboxPage(items, unread, next));
  }

  @GET
  @Path("stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RolesAllowed({Roles.EXPERT, Roles.ADMIN})
  @Operation(summary = "New inbox items as Server-Sent Events (one JSON item per event)")
  @APIResponse(
      responseCode = "200",
      description =
          "An open event stream: one InboxItem as JSON per event, and a comment line"
              + " (\":heartbeat\") every 15 s while there is nothing to say",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(implementation = InboxItem.class)))
  @APIResponse(responseCode = "404", description = "No such expert, or another expert's inbox")
  @APIResponse(
      responseCode = "429",
      description = "The expert already has the most open streams (too-many-streams)")
  public Multi<OutboundSseEvent> stream(@PathParam("id") UUID id, @Context Sse sse) {
    notifications.checkInbox(caller, id);
    Multi<OutboundSseEvent> items =
        stream
            .open(id)
            .map(
                item ->
                    sse.newEventBuilder()
                        .data(InboxItem.class, item)
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .build())
            .onCompletion()
            .failWith(StreamEnded::new); // ends the merge below at once, heartbeats included
    Multi<OutboundSseEvent> heartbeats =
        Multi.createFrom()
            .ticks()
            .every(config.inbox().heartbeat())
            .onOverflow()
            .drop()
            .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
    return Multi.createBy()
        .merging()
        .streams(items, heartbeats)
        .onFailure(StreamEnded.class)
        .recoverWithCompletion();
  }

  /** The items are over (their buffer overflowed): the stream ends, as a stream, without error. */
  private static final class StreamEnded extends RuntimeException {
    StreamEnded() {
      super(null, null, false, false);
    }
  }

  @PUT
  @Path("{itemId}/read")
  @RolesAllowed({Roles.EXPERT, Roles.ADMIN})
  @Operation(operationId = "markRead", summary = "Mark an item read")
  @APIResponse(
      responseCode = "200",
      description = "The item",
      content = @Content(schema = @Schema(implementation = InboxItem.class)))
  @APIResponse(responseCode = "404", description = "No such item in this inbox")
  public InboxItem read(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
    return notifications.markRead(caller, id, itemId, true);
  }

  @DELETE
  @Path("{itemId}/read")
  @RolesAllowed({Roles.EXPERT, Roles.ADMIN})
  @Operation(operationId = "markUnread", summary = "Mark an item unread again")
  @APIResponse(
      responseCode = "200",
      description = "The item",
      content = @Content(schema = @Schema(implementation = InboxItem.class)))
  @APIResponse(responseCode = "404", description = "No such item in this inbox")
  public InboxItem unread(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
    return notifications.markRead(caller, id, itemId, false);
  }
}
