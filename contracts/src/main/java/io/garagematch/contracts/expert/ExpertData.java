package io.garagematch.contracts.expert;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.garagematch.contracts.taxonomy.InnovationField;
import java.util.Set;
import java.util.UUID;

/**
 * The data of every {@code expert.*} event: who, in which unit, reviewing which fields, with how
 * many open reviews at most, at which version. No name or e-mail: they stay in notifications.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExpertData(
    UUID id,
    String businessUnit,
    Set<InnovationField> innovationFields,
    Integer maxOpenReviews,
    Integer version) {

  @JsonIgnore
  public boolean isComplete() {
    return id != null && version != null && businessUnit != null && !businessUnit.isBlank();
  }
}
