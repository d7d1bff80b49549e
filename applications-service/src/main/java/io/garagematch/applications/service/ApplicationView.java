package io.garagematch.applications.service;

import io.garagematch.applications.domain.ApplicationProfile;
import io.garagematch.applications.domain.Contact;
import io.garagematch.applications.repository.Application;
import io.garagematch.contracts.application.ApplicationStatus;
import io.garagematch.contracts.application.SupportType;
import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An application as the API answers it and as its events carry it: the profile the partner
 * submitted plus what the service adds. {@code contact} is null once erased; {@code
 * erasureConfirmedBy} lists the services that confirmed an erasure (null until one is asked for).
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
    Contact contact,
    List<ErasureConfirmation> erasureConfirmedBy) {

  /** A service that confirmed it erased the startup, and when. */
  public record ErasureConfirmation(String service, Instant confirmedAt) {}

  public static ApplicationView of(Application a) {
    return of(a, null);
  }

  /** The current version, with the services that confirmed its erasure. */
  static ApplicationView of(Application a, List<ErasureConfirmation> erasureConfirmedBy) {
    return of(a, a.version, a.status, a.updatedAt, a.profile, erasureConfirmedBy);
  }

  static ApplicationView of(
      Application a,
      int version,
      ApplicationStatus status,
      Instant updatedAt,
      ApplicationProfile p,
      List<ErasureConfirmation> erasureConfirmedBy) {
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
        p.contact(),
        erasureConfirmedBy);
  }
}
