package io.garagematch.notifications.domain;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partner's webhook subscription to what becomes of its own startups' matches: {@code
 * match.proposed}, {@code match.withdrawn} and {@code match.decided} (default: all three), each
 * reduced to the outcome — business unit, need title, status, dates; never scores, evidence or
 * other startups.
 */
public record PartnerSubscriptionSpec(
    @NotBlank @Size(max = 2000) String url,
    @Size(max = 3) Set<@NotNull EventType> eventTypes,
    Boolean active) {

  /** The match events a partner may subscribe to. */
  public static final Set<EventType> OFFERED =
      Set.of(EventType.PROPOSED, EventType.WITHDRAWN, EventType.DECIDED);

  public PartnerSubscriptionSpec {
    eventTypes = eventTypes == null || eventTypes.isEmpty() ? OFFERED : eventTypes;
    active = active == null ? Boolean.TRUE : active;
  }

  @Schema(hidden = true)
  @AssertTrue(message = "eventTypes may name match.proposed, match.withdrawn and match.decided")
  boolean isEventTypesOffered() {
    // a null item is @NotNull's to report (and Set.of(...).contains(null) throws)
    return eventTypes.stream().allMatch(t -> t == null || OFFERED.contains(t));
  }
}
