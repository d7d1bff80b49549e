package io.garagematch.contracts.application;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data of {@code application.submitted}, {@code .updated} and {@code .withdrawn}: the
 * application as stored, without contact data (it never travels on Kafka, docs/security.md).
 * Unknown fields are ignored, so that the producer may add some.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationData(
    UUID id,
    String partnerId,
    int version,
    ApplicationStatus status,
    Instant createdAt,
    Instant updatedAt,
    Instant erasedAt,
    String externalRef,
    String name,
    String registrationId,
    String website,
    String country,
    String city,
    Integer foundedYear,
    Integer employees,
    Language language,
    String pitch,
    String description,
    List<String> technologies,
    List<InnovationField> innovationFields,
    Integer trl,
    FundingStage fundingStage,
    boolean seekingFinancing,
    List<SupportType> requestedSupport) {

  /** Whether it has what a consumer needs to match it; data without it is a poison record. */
  @JsonIgnore
  public boolean isComplete() {
    return id != null
        && version > 0
        && status != null
        && name != null
        && language != null
        && country != null
        && trl != null
        && fundingStage != null
        && innovationFields != null;
  }
}
