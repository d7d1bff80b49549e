package io.garagematch.notifications.domain;

import io.garagematch.contracts.taxonomy.Language;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an expert may change about themselves: language, channels, minimum score, delivery mode and
 * time zone, quiet hours, how many open reviews they take, and the URL of their own webhook
 * (required with the WEBHOOK channel).
 */
public record Preferences(
    @NotNull Language language,
    @NotEmpty @Size(max = 3) Set<@NotNull Channel> channels,
    @DecimalMin("0.0") @DecimalMax("1.0") Double minScore,
    DeliveryMode delivery,
    @NotBlank @Size(max = 64) String timeZone,
    @Valid QuietHours quietHours,
    @Min(1) @Max(1000) Integer maxOpenReviews,
    @Size(max = 2000) String webhookUrl) {

  public Preferences {
    minScore = minScore == null ? 0.0 : minScore;
    delivery = delivery == null ? DeliveryMode.IMMEDIATE : delivery;
  }

  @Schema(hidden = true)
  @AssertTrue(message = "timeZone must be an IANA time zone such as Europe/Berlin")
  boolean isTimeZoneValid() {
    if (timeZone == null) {
      return true;
    }
    try {
      ZoneId.of(timeZone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  @Schema(hidden = true)
  @AssertTrue(message = "webhookUrl is required with the WEBHOOK channel")
  boolean isWebhookUrlPresent() {
    return channels == null
        || !channels.contains(Channel.WEBHOOK)
        || (webhookUrl != null && !webhookUrl.isBlank());
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }
}
