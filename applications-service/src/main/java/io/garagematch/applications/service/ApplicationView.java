package io.garagematch.applications.service;

import io.garagematch.applications.domain.ApplicationProfile;
import io.garagematch.applications.domain.ApplicationStatus;
import io.garagematch.applications.domain.Contact;
import io.garagematch.applications.domain.SupportType;
import io.garagematch.applications.repository.Application;
import io.garagematch.platform.taxonomy.FundingStage;
import io.garagematch.platform.taxonomy.InnovationField;
import io.garagematch.platform.taxonomy.Language;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An application as the API answers it and as its events carry it: the profile the partner
 * submitted plus what the service adds. {@code contact} is null once erased.
 */
public record ApplicationView(
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
    List<SupportType> requestedSupport,
    Contact contact) {

  public static ApplicationView of(Application a) {
    return of(a, a.version, a.status, a.updatedAt, a.profile);
  }

  static ApplicationView of(
      Application a,
      int version,
      ApplicationStatus status,
      Instant updatedAt,
      ApplicationProfile p) {
    return new ApplicationView(
        a.id,
        a.partnerId,
        version,
        status,
        a.createdAt,
        updatedAt,
        a.erasedAt,
        p.externalRef(),
        p.name(),
        p.registrationId(),
        p.website(),
        p.country(),
        p.city(),
        p.foundedYear(),
        p.employees(),
        p.language(),
        p.pitch(),
        p.description(),
        p.technologies(),
        p.innovationFields(),
        p.trl(),
        p.fundingStage(),
        p.seekingFinancing(),
        p.requestedSupport(),
        p.contact());
  }
}
