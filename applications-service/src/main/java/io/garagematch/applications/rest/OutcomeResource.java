package io.garagematch.applications.rest;

import io.garagematch.applications.domain.MatchOutcome;
import io.garagematch.applications.service.ContactRelease;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

/**
 * {@code GET /api/v1/applications/{id}/outcomes}: what became of a startup's matches, for its
 * partner (and admins), from match-events.
 */
@Path("/api/v1/applications/{id}/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
@SecurityRequirement(name = "bearer")
public class OutcomeResource {

  private final ContactRelease contacts;
  private final Caller caller;

  public OutcomeResource(ContactRelease contacts, Caller caller) {
    this.contacts = contacts;
    this.caller = caller;
  }

  /** What became of a startup's matches. */
  public record Outcomes(List<MatchOutcome> items) {}

  @GET
  @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
  @Operation(
      operationId = "listOutcomes",
      summary =
          "What became of the startup's matches: business unit, need title, status and dates (no"
              + " scores, no evidence, no other startup); for its partner and admins")
  @APIResponse(
      responseCode = "200",
      description = "Its matches, the latest change first",
      content = @Content(schema = @Schema(implementation = Outcomes.class)))
  @APIResponse(responseCode = "404", description = "No such application of the caller's")
  public Outcomes outcomes(@PathParam("id") UUID id) {
    return new Outcomes(contacts.outcomes(caller, id));
  }
}
