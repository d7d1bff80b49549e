package io.garagematch.notifications.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.garagematch.notifications.domain.EventType;
import io.garagematch.notifications.repository.PartnerSubscriptionEntity;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner subscription as the API shows it. {@code secret} appears only at creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerSubscriptionView(
    UUID id,
    String partnerId,
    String url,
    Set<EventType> eventTypes,
    boolean active,
    @Schema(description = "whsec_ + base64 of the signing key; shown only here, keep it")
        String secret,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  static PartnerSubscriptionView of(PartnerSubscriptionEntity e, boolean withSecret) {
    return new PartnerSubscriptionView(
        e.id,
        e.partnerId,
        e.spec.url(),
        e.spec.eventTypes(),
        e.spec.active(),
        withSecret ? e.secret : null,
        e.version,
        e.createdAt,
        e.updatedAt);
  }
}
