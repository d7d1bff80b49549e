package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.UniqueElements;

/**
 * A need as business-unit staff write it (field names are part of the contract). {@code regions}
 * lists allowed startup countries; {@code matchThreshold} decides which matches are proposed
 * (default 0.5); {@code weights} overrides the weights in force for its unit (the unit's promoted
 * learned weights, else the matcher's default weights).
 */
public record NeedSpec(
    @NotBlank @Size(max = 200) String businessUnit,
    @NotNull Language language,
    @NotBlank @Size(max = 300) String title,
    @NotBlank @Size(max = 5000) String problemStatement,
    @Size(max = 20) @UniqueElements List<@NotBlank @Size(max = 100) String> keywords,
    @NotEmpty @Size(max = 12) Set<@NotNull InnovationField> innovationFields,
    @NotNull @Min(1) @Max(9) Integer minTrl,
    @Min(1) @Max(9) Integer maxTrl,
    @Size(max = 6) Set<@NotNull FundingStage> fundingStages,
    @Size(max = 250)
        Set<
                @NotNull
                @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
                String>
            regions,
    @DecimalMin("0.0") @DecimalMax("1.0") Double matchThreshold,
    @Valid WeightsSpec weights) {

  public static final double DEFAULT_THRESHOLD = 0.5;

  public NeedSpec {
    keywords = keywords == null ? List.of() : keywords;
    fundingStages = fundingStages == null ? Set.of() : fundingStages;
    regions = regions == null ? Set.of() : regions;
    matchThreshold = matchThreshold == null ? DEFAULT_THRESHOLD : matchThreshold;
  }

  @Schema(hidden = true)
  @AssertTrue(message = "maxTrl must not be below minTrl")
  boolean isTrlRangeValid() {
    return minTrl == null || maxTrl == null || maxTrl >= minTrl;
  }

  /** The matcher's view of this need, its own weights or else {@link Weights#DEFAULT}. */
  public Need toNeed(String id) {
    return toNeed(id, Weights.DEFAULT);
  }

  /**
   * The matcher's view of this need: its own weights when it has them, else {@code unitWeights}
   * (its business unit's weights in force).
   */
  public Need toNeed(String id, Weights unitWeights) {
    return new Need(
        id,
        language,
        title,
        problemStatement,
        keywords,
        innovationFields,
        minTrl,
        maxTrl,
        fundingStages,
        regions,
        weights == null ? unitWeights : weights.toWeights());
  }

  /** Per-need weights; they must sum to 1. {@code version} names them in every match. */
  public record WeightsSpec(
      @NotBlank @Size(max = 50) String version,
      @NotNull @DecimalMin("0.0") Double fields,
      @NotNull @DecimalMin("0.0") Double text,
      @NotNull @DecimalMin("0.0") Double concepts,
      @NotNull @DecimalMin("0.0") Double trl,
      @NotNull @DecimalMin("0.0") Double stage,
      @NotNull @DecimalMin("0.0") Double geo) {

    @Schema(hidden = true)
    @AssertTrue(message = "weights must sum to 1")
    boolean isSumOne() {
      if (fields == null
          || text == null
          || concepts == null
          || trl == null
          || stage == null
          || geo == null) {
        return true;
      }
      return Math.abs(fields + text + concepts + trl + stage + geo - 1.0) <= 1e-6;
    }

    Weights toWeights() {
      return new Weights(version, fields, text, concepts, trl, stage, geo);
    }
  }
}
