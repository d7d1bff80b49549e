package io.garagematch.contracts.application;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * The data of {@code application.erased}: which application, whose, at which version; nothing of
 * the startup.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationErased(
    UUID id, String partnerId, Integer version, ApplicationStatus status, Instant erasedAt) {

  @JsonIgnore
  public boolean isComplete() {
    return id != null && version != null;
  }
}
