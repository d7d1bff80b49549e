package io.garagematch.contracts.erasure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A service's confirmation that it erased a startup ({@code application.erased}): it keeps and
 * emits nothing of the startup's identity any more. applications-service collects them so the
 * partner can show proof.
 *
 * @param applicationId the erased application
 * @param service the confirming service ({@code quarkus.application.name})
 * @param completedAt when its erasure committed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErasureConfirmation(UUID applicationId, String service, Instant completedAt) {

  @JsonIgnore
  public boolean isComplete() {
    return applicationId != null && service != null && completedAt != null;
  }
}
