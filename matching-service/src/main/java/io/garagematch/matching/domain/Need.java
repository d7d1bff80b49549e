package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.util.List;
import java.util.Set;

/**
 * A business unit's open need as the matcher sees it. Hard constraints: {@code minTrl} ≤ trl ≤
 * {@code maxTrl}, funding stage in {@code fundingStages}, country in {@code regions} (empty or
 * null: no constraint).
 */
public record Need(
    String id,
    Language language,
    String title,
    String problemStatement,
    List<String> keywords,
    Set<InnovationField> innovationFields,
    int minTrl,
    Integer maxTrl,
    Set<FundingStage> fundingStages,
    Set<String> regions,
    Weights weights) {

  public Need {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    innovationFields = innovationFields == null ? Set.of() : Set.copyOf(innovationFields);
    fundingStages = fundingStages == null ? Set.of() : Set.copyOf(fundingStages);
    regions = regions == null ? Set.of() : Set.copyOf(regions);
    weights = weights == null ? Weights.DEFAULT : weights;
  }
}
