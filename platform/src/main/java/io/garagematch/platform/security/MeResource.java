package io.garagematch.platform.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/me}: the caller as this service sees it. Only the roles the service serves
 * ({@code garagematch.security.roles}) may call it; a token for another role gets 403.
 */
@Path("/api/v1/me")
@Tag(name = "Caller")
@SecurityRequirement(name = "bearer")
public class MeResource {

  private final Caller caller;

  public MeResource(Caller caller) {
    this.caller = caller;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed("${garagematch.security.roles}")
  @Operation(
      operationId = "getMe",
      summary = "The caller's identity: subject, roles and what they act for")
  public Me me() {
    return new Me(
        caller.subject(),
        caller.roles(),
        caller.partnerId().orElse(null),
        caller.businessUnits(),
        caller.expertId().orElse(null));
  }

  /** The caller; {@code partnerId}, {@code businessUnits} and {@code expertId} per role. */
  public record Me(
      String subject,
      Set<String> roles,
      String partnerId,
      Set<String> businessUnits,
      String expertId) {}
}
