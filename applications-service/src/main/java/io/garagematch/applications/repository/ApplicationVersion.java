package io.garagematch.applications.repository;

import io.garagematch.applications.domain.ApplicationProfile;
import io.garagematch.applications.domain.Change;
import io.garagematch.contracts.application.ApplicationStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of an application as it was after a change. */
@Entity
@Table(name = "application_version")
@IdClass(ApplicationVersion.Key.class)
public class ApplicationVersion {

  @Id public UUID applicationId;
  @Id public int version;

  @Enumerated(EnumType.STRING)
  public Change change;

  @Enumerated(EnumType.STRING)
  public ApplicationStatus status;

  public Instant changedAt;

  @JdbcTypeCode(SqlTypes.JSON)
  public ApplicationProfile profile;

  /** The composite key. */
  public record Key(UUID applicationId, int version) implements Serializable {}
}
