package io.garagematch.notifications.domain;

import io.garagematch.contracts.taxonomy.InnovationField;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A webhook subscription as a business unit writes it. {@code businessUnit} owns it; the filters
 * say which match events it receives: of these {@code businessUnits} (default: the owner's; empty:
 * every unit, admins only), touching one of these {@code innovationFields} (empty: any), scoring at
 * least {@code minScore}.
 */
public record SubscriptionSpec(
    @NotBlank @Size(max = 200) String businessUnit,
    @NotBlank @Size(max = 2000) String url,
    @NotEmpty @Size(max = 4) Set<@NotNull EventType> eventTypes,
    @Size(max = 50) Set<@NotBlank @Size(max = 200) String> businessUnits,
    @Size(max = 12) Set<@NotNull InnovationField> innovationFields,
    @DecimalMin("0.0") @DecimalMax("1.0") Double minScore,
    Boolean active) {

  public SubscriptionSpec {
    businessUnits =
        businessUnits == null
            ? (businessUnit == null ? Set.of() : Set.of(businessUnit))
            : businessUnits;
    innovationFields = innovationFields == null ? Set.of() : innovationFields;
    minScore = minScore == null ? 0.0 : minScore;
    active = active == null ? Boolean.TRUE : active;
  }
}
