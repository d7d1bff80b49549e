package io.garagematch.applications.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.applications.service.ApplicationService;
import io.garagematch.platform.erasure.ErasureConfirmation;
import io.garagematch.platform.messaging.EventRecords;
import io.garagematch.platform.tracing.Traces;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Collects the other services' confirmations of erasures ({@code erasure-confirmations}), shown on
 * the application. Idempotent (one row per application and service); poison records go to {@code
 * erasure-confirmations.dlq}.
 */
@ApplicationScoped
public class ErasureConfirmationsConsumer {

  private final ApplicationService applications;
  private final ObjectMapper json;

  public ErasureConfirmationsConsumer(ApplicationService applications, ObjectMapper json) {
    this.applications = applications;
    this.json = json;
  }

  @Incoming("erasure-confirmations")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
    Traces.consume(record, "erasure-confirmations process", () -> apply(record));
  }

  private void apply(ConsumerRecord<String, String> record) throws InterruptedException {
    String eventId = EventRecords.header(record, "ce_id");
    String type = EventRecords.header(record, "ce_type");
    if (eventId == null || !ErasureConfirmation.TYPE.equals(type)) {
      throw new EventRecords.PoisonEvent(
          "not an erasure confirmation (ce_id " + eventId + ", ce_type " + type + ")");
    }
    ErasureConfirmation c;
    try {
      c = json.readValue(record.value() == null ? "" : record.value(), ErasureConfirmation.class);
    } catch (JsonProcessingException e) {
      throw new EventRecords.PoisonEvent(
          "unreadable data of " + type + " " + eventId + ": " + e.getOriginalMessage());
    }
    if (c == null || c.applicationId() == null || c.service() == null || c.completedAt() == null) {
      throw new EventRecords.PoisonEvent("incomplete data of " + type + " " + eventId);
    }
    ErasureConfirmation complete = c;
    EventRecords.withRetries(
        type + " " + eventId,
        () ->
            applications.confirmErasure(
                complete.applicationId(), complete.service(), complete.completedAt()));
  }
}
