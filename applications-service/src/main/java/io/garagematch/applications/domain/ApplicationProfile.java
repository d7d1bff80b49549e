package io.garagematch.applications.domain;

import io.garagematch.applications.domain.validation.IsoCountry;
import io.garagematch.applications.domain.validation.NotAFutureYear;
import io.garagematch.applications.domain.validation.ValidRegistrationId;
import io.garagematch.contracts.application.SupportType;
import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.URL;
import org.hibernate.validator.constraints.UniqueElements;

/**
 * What a partner submits about a startup (field names are part of the contract, see
 * docs/openapi/applications-service.yaml). Each change is stored as a new version.
 */
@ValidRegistrationId
public record ApplicationProfile(
    @Size(max = 100)
        @Pattern(regexp = "^[A-Za-z0-9._:/-]+$", message = "must be letters, digits or . _ : / -")
        String externalRef,
    @NotBlank @Size(max = 200) String name,
    @Size(max = 64) String registrationId,
    @Size(max = 2048) @URL(regexp = "https?://.+", message = "must be an http(s) URL")
        String website,
    @NotNull @IsoCountry String country,
    @Size(max = 100) String city,
    @Min(1800) @NotAFutureYear Integer foundedYear,
    @PositiveOrZero @Max(10_000_000) Integer employees,
    @NotNull Language language,
    @NotBlank @Size(max = 500) String pitch,
    @Size(max = 5000) String description,
    @Size(max = 30) @UniqueElements List<@NotBlank @Size(max = 100) String> technologies,
    @NotEmpty @Size(max = 12) @UniqueElements List<@NotNull InnovationField> innovationFields,
    @NotNull @Min(1) @Max(9) Integer trl,
    @NotNull FundingStage fundingStage,
    Boolean seekingFinancing,
    @Size(max = 5) @UniqueElements List<@NotNull SupportType> requestedSupport,
    @NotNull @Valid Contact contact) {

  public ApplicationProfile {
    technologies = technologies == null ? List.of() : technologies;
    requestedSupport = requestedSupport == null ? List.of() : requestedSupport;
    seekingFinancing = seekingFinancing != null && seekingFinancing;
  }

  /** The same profile with the contact data gone (erasure). */
  public ApplicationProfile withoutContact() {
    return new ApplicationProfile(
        externalRef,
        name,
        registrationId,
        website,
        country,
        city,
        foundedYear,
        employees,
        language,
        pitch,
        description,
        technologies,
        innovationFields,
        trl,
        fundingStage,
        seekingFinancing,
        requestedSupport,
        null);
  }

  /** The registration id as compared for duplicates: trimmed, upper case. */
  public String normalizedRegistrationId() {
    return registrationId == null || registrationId.isBlank()
        ? null
        : registrationId.trim().toUpperCase(java.util.Locale.ROOT);
  }
}
