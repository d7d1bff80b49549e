package io.garagematch.platform.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.platform.outbox.OutboxMessage;
import java.time.Instant;
import java.util.UUID;

/**
 * A service's confirmation that it erased a startup ({@code application.erased}): it keeps and
 * emits nothing of the startup's identity any more. Topic {@code erasure-confirmations}, key =
 * application id; applications-service collects them so the partner can show proof.
 *
 * @param applicationId the erased application
 * @param service the confirming service ({@code quarkus.application.name})
 * @param completedAt when its erasure committed
 */
public record ErasureConfirmation(UUID applicationId, String service, Instant completedAt) {

  public static final String TOPIC = "erasure-confirmations";
  public static final String TYPE = "io.garagematch.erasure.completed.v1";

  /** The confirmation as an outbox message, to append in the erasing transaction. */
  public OutboxMessage toOutboxMessage(ObjectMapper json) {
    try {
      return OutboxMessage.of(
          TOPIC,
          applicationId.toString(),
          TYPE,
          applicationId.toString(),
          json.writeValueAsString(this));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the erasure confirmation", e);
    }
  }
}
