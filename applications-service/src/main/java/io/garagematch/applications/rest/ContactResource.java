package io.garagematch.applications.rest;

import io.garagematch.applications.domain.Contact;
import io.garagematch.applications.service.ContactRelease;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/applications/{id}/contact}: a startup's contact, for its partner, staff of a
 * business unit whose match on it was accepted, and admins. Contact data never travels on Kafka.
 */
@Path("/api/v1/applications/{id}/contact")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
@SecurityRequirement(name = "bearer")
public class ContactResource {

  private final ContactRelease contacts;
  private final Caller caller;

  public ContactResource(ContactRelease contacts, Caller caller) {
    this.contacts = contacts;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.PARTNER, Roles.BU_STAFF, Roles.ADMIN})
  @Operation(
      operationId = "getContact",
      summary =
          "The startup's contact: for its partner, staff of a unit with an accepted match, admins")
  @APIResponse(
      responseCode = "200",
      description = "The contact",
      content = @Content(schema = @Schema(implementation = Contact.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such application, no contact (erased), or not released to the caller")
  public Contact contact(@PathParam("id") UUID id) {
    return contacts.contact(caller, id);
  }
}
