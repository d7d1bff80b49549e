package io.garagematch.matching.service;

import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import io.garagematch.matching.domain.StartupProfile;
import io.garagematch.matching.repository.StartupEntity;
import java.util.Set;

/**
 * Who a startup is, as every match view shows it: from the matching read model, never contact data;
 * absent (null) once the startup was erased.
 */
public record StartupCard(
    String name,
    String country,
    String city,
    String website,
    Language language,
    String pitch,
    Integer trl,
    FundingStage fundingStage,
    Set<InnovationField> innovationFields,
    Boolean seekingFinancing,
    boolean active) {

  /** The card of a startup, or null when it is unknown or erased. */
  public static StartupCard of(StartupEntity s) {
    if (s == null || s.profile == null) {
      return null;
    }
    StartupProfile p = s.profile;
    return new StartupCard(
        p.name(),
        p.country(),
        p.city(),
        p.website(),
        p.language(),
        p.pitch(),
        p.trl(),
        p.fundingStage(),
        p.innovationFields(),
        p.seekingFinancing(),
        s.active);
  }
}
