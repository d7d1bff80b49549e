package io.garagematch.matching.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A registered expert as notifications-service announced it: the id and the business unit. */
@Entity
@Table(name = "expert")
public class ExpertEntity {
  @Id public UUID id;
  public String businessUnit;
  public int version;
  public Instant updatedAt;
}
