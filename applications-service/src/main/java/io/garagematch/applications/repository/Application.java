package io.garagematch.applications.repository;

import io.garagematch.applications.domain.ApplicationProfile;
import io.garagematch.contracts.application.ApplicationStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A startup application: its current version. */
@Entity
@Table(name = "application")
public class Application {

  @Id public UUID id;
  public String partnerId;
  public int version;

  @Enumerated(EnumType.STRING)
  public ApplicationStatus status;

  /** Normalised, for duplicate detection. */
  public String registrationId;

  /** Normalised, for duplicate detection. */
  public String webDomain;

  @JdbcTypeCode(SqlTypes.JSON)
  public ApplicationProfile profile;

  public Instant createdAt;
  public Instant updatedAt;
  public Instant erasedAt;
}
