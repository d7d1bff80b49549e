package io.garagematch.matching.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.garagematch.contracts.application.ApplicationData;
import io.garagematch.contracts.application.ApplicationStatus;
import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What matching keeps of a startup application (the read model's profile): what the matcher and the
 * startup card need, from the latest {@code application.*} event. Never contact data.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StartupProfile(
    UUID id,
    String partnerId,
    int version,
    ApplicationStatus status,
    String name,
    Language language,
    String website,
    String country,
    String city,
    String pitch,
    String description,
    List<String> technologies,
    Set<InnovationField> innovationFields,
    Integer trl,
    FundingStage fundingStage,
    Boolean seekingFinancing) {

  /** The profile an event's data describes. */
  public static StartupProfile of(ApplicationData a) {
    return new StartupProfile(
        a.id(),
        a.partnerId(),
        a.version(),
        a.status(),
        a.name(),
        a.language(),
        a.website(),
        a.country(),
        a.city(),
        a.pitch(),
        a.description(),
        a.technologies(),
        new LinkedHashSet<>(a.innovationFields()),
        a.trl(),
        a.fundingStage(),
        a.seekingFinancing());
  }

  /** Whether it takes part in matching: submitted, not withdrawn. */
  public boolean active() {
    return status == ApplicationStatus.SUBMITTED;
  }

  public Startup toStartup() {
    return new Startup(
        id.toString(),
        language,
        name,
        pitch,
        description,
        technologies,
        innovationFields,
        trl,
        fundingStage,
        country);
  }
}
