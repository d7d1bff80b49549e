package io.garagematch.matching.repository;

import io.garagematch.contracts.taxonomy.InnovationField;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A registered expert as notifications-service announced it: the id, the business unit, the
 * innovation fields they review (empty: every field) and their most open reviews (null: no limit).
 * No personal data.
 */
@Entity
@Table(name = "expert")
public class ExpertEntity {
  @Id public UUID id;
  public String businessUnit;
  public int version;
  public Instant updatedAt;

  @JdbcTypeCode(SqlTypes.JSON)
  public Set<InnovationField> innovationFields = Set.of();

  public Integer maxOpenReviews;
}
