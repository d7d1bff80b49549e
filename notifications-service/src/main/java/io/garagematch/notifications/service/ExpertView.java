package io.garagematch.notifications.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import io.garagematch.notifications.domain.Channel;
import io.garagematch.notifications.domain.DeliveryMode;
import io.garagematch.notifications.domain.QuietHours;
import io.garagematch.notifications.repository.ExpertEntity;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An expert as the API shows it. {@code webhookSecret} appears once: when it is created. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExpertView(
    UUID id,
    String name,
    String email,
    String businessUnit,
    Set<InnovationField> innovationFields,
    Language language,
    Set<Channel> channels,
    double minScore,
    DeliveryMode delivery,
    String timeZone,
    QuietHours quietHours,
    Integer maxOpenReviews,
    String webhookUrl,
    @Schema(description = "Signs deliveries to webhookUrl; shown only when created")
        String webhookSecret,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  static ExpertView of(ExpertEntity e, boolean withSecret) {
    var s = e.spec;
    return new ExpertView(
        e.id,
        s.name(),
        s.email(),
        s.businessUnit(),
        s.innovationFields(),
        s.language(),
        s.channels(),
        s.minScore(),
        s.delivery(),
        s.timeZone(),
        s.quietHours(),
        s.maxOpenReviews(),
        s.webhookUrl(),
        withSecret ? e.webhookSecret : null,
        e.version,
        e.createdAt,
        e.updatedAt);
  }
}
