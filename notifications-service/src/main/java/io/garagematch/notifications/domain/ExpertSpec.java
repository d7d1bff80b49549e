package io.garagematch.notifications.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An expert as an admin writes it (field names are part of the contract): who they are, the
 * business unit and innovation fields they review for (none: every field), and their {@link
 * Preferences}.
 */
public record ExpertSpec(
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Email @Size(max = 320) String email,
    @NotBlank @Size(max = 200) String businessUnit,
    @Size(max = 12) Set<@NotNull InnovationField> innovationFields,
    @NotNull Language language,
    @NotEmpty @Size(max = 3) Set<@NotNull Channel> channels,
    @DecimalMin("0.0") @DecimalMax("1.0") Double minScore,
    DeliveryMode delivery,
    @NotBlank @Size(max = 64) String timeZone,
    @Valid QuietHours quietHours,
    @Min(1) @Max(1000) Integer maxOpenReviews,
    @Size(max = 2000) String webhookUrl) {

  public ExpertSpec {
    innovationFields = innovationFields == null ? Set.of() : innovationFields;
    minScore = minScore == null ? 0.0 : minScore;
    delivery = delivery == null ? DeliveryMode.IMMEDIATE : delivery;
  }

  @JsonIgnore
  public Preferences preferences() {
    return new Preferences(
        language, channels, minScore, delivery, timeZone, quietHours, maxOpenReviews, webhookUrl);
  }

  /** The same expert with other preferences. */
  public ExpertSpec with(Preferences p) {
    return new ExpertSpec(
        name,
        email,
        businessUnit,
        innovationFields,
        p.language(),
        p.channels(),
        p.minScore(),
        p.delivery(),
        p.timeZone(),
        p.quietHours(),
        p.maxOpenReviews(),
        p.webhookUrl());
  }

  @Schema(hidden = true)
  @AssertTrue(message = "timeZone must be an IANA time zone such as Europe/Berlin")
  boolean isTimeZoneValid() {
    return preferences().isTimeZoneValid();
  }

  @Schema(hidden = true)
  @AssertTrue(message = "webhookUrl is required with the WEBHOOK channel")
  boolean isWebhookUrlPresent() {
    return preferences().isWebhookUrlPresent();
  }
}
