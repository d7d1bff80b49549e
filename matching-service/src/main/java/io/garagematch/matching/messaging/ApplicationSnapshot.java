package io.garagematch.matching.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import io.garagematch.matching.domain.Startup;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What matching reads of an {@code application.*} event (docs/events/application.schema.json): a
 * tolerant reader, it ignores fields it does not use — among them the contact data.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSnapshot(
    UUID id,
    String partnerId,
    int version,
    String status,
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

  /** Whether this snapshot has what matching needs; a record without it is poison. */
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

  public boolean active() {
    return "SUBMITTED".equals(status);
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
