package io.garagematch.matching.repository;

import io.garagematch.matching.domain.Weights;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a business unit's learned weights: the six weights, the replay figures it was
 * promoted on, who created it and when it was promoted.
 */
@Entity
@Table(name = "unit_weights")
public class UnitWeightsEntity {
  @Id public UUID id;
  public String businessUnit;
  public String version;

  /** 1 for the unit's first version, then one more for each. */
  public int generation;

  public double fields;
  public double text;
  public double concepts;
  public double trl;
  public double stage;
  public double geo;

  /** The replay as the endpoint showed it when the version was promoted. */
  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, Object> replay;

  public String createdBy;
  public Instant createdAt;

  /** When it came into force; null while it is not. */
  public Instant promotedAt;

  public Weights weights() {
    return new Weights(version, fields, text, concepts, trl, stage, geo);
  }

  public void setWeights(Weights w) {
    version = w.version();
    fields = w.fields();
    text = w.text();
    concepts = w.concepts();
    trl = w.trl();
    stage = w.stage();
    geo = w.geo();
  }
}
