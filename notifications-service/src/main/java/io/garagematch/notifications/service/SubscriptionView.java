package io.garagematch.notifications.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.notifications.domain.EventType;
import io.garagematch.notifications.repository.SubscriptionEntity;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as the API shows it. {@code secret} appears only at creation and rotation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(
    UUID id,
    String businessUnit,
    String url,
    Set<EventType> eventTypes,
    Set<String> businessUnits,
    Set<InnovationField> innovationFields,
    double minScore,
    boolean active,
    @Schema(description = "whsec_ + base64 of the signing key; shown only here, keep it")
        String secret,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  static SubscriptionView of(SubscriptionEntity e, boolean withSecret) {
    var s = e.spec;
    return new SubscriptionView(
        e.id,
        s.businessUnit(),
        s.url(),
        s.eventTypes(),
        s.businessUnits(),
        s.innovationFields(),
        s.minScore(),
        s.active(),
        withSecret ? e.secret : null,
        e.version,
        e.createdAt,
        e.updatedAt);
  }
}
