package io.garagematch.matching.service;

import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import io.garagematch.matching.domain.NeedSpec;
import io.garagematch.matching.domain.NeedStatus;
import io.garagematch.matching.repository.NeedEntity;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A need as the API answers it and as need events carry it. */
public record NeedView(
    UUID id,
    int version,
    NeedStatus status,
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
    NeedSpec.WeightsSpec weights) {

  public static NeedView of(NeedEntity n) {
    NeedSpec s = n.spec;
    return new NeedView(
        n.id,
        n.version,
        n.status,
        n.createdAt,
        n.updatedAt,
        s.businessUnit(),
        s.language(),
        s.title(),
        s.problemStatement(),
        s.keywords(),
        s.innovationFields(),
        s.minTrl(),
        s.maxTrl(),
        s.fundingStages(),
        s.regions(),
        s.matchThreshold(),
        s.weights());
  }
}
