package io.garagematch.contracts.need;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The data of every {@code need.*} event: the need as it stands. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NeedData(
    UUID id,
    int version,
    String status,
    Instant createdAt,
    Instant updatedAt,
    String businessUnit,
    Language language,
    String title,
    String problemStatement,
    List<String> keywords,
    Set<InnovationField> innovationFields,
    Integer minTrl,
    Integer maxTrl,
    Set<FundingStage> fundingStages,
    Set<String> regions,
    double matchThreshold,
    Weights weights) {

  /** The weights of the score's components (sum 1), under a version name. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Weights(
      String version,
      double fields,
      double text,
      double concepts,
      double trl,
      double stage,
      double geo) {}
}
