package io.garagematch.matching.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.matching.service.ExpertDirectory;
import io.garagematch.platform.messaging.EventRecords;
import io.garagematch.platform.tracing.Traces;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code expert-events} (notifications-service's experts directory) into the experts read
 * model that decides who may act as an expert here. Poison records go to {@code expert-events.dlq};
 * database failures are retried first.
 */
@ApplicationScoped
public class ExpertEventsConsumer {

  static final String PREFIX = "io.garagematch.expert.";

  private final ExpertDirectory experts;
  private final ObjectMapper json;

  public ExpertEventsConsumer(ExpertDirectory experts, ObjectMapper json) {
    this.experts = experts;
    this.json = json;
  }

  /** The data of every {@code expert.*} event: who, in which unit, at which version. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ExpertData(UUID id, String businessUnit, Integer version) {}

  @Incoming("expert-events")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
    Traces.consume(record, "expert-events process", () -> apply(record));
  }

  private void apply(ConsumerRecord<String, String> record) throws InterruptedException {
    String eventId = EventRecords.header(record, "ce_id");
    String type = EventRecords.header(record, "ce_type");
    boolean removed = (PREFIX + "removed.v1").equals(type);
    boolean changed =
        (PREFIX + "registered.v1").equals(type) || (PREFIX + "updated.v1").equals(type);
    if (eventId == null || !(removed || changed)) {
      throw new EventRecords.PoisonEvent(
          "not an expert CloudEvent (ce_id " + eventId + ", ce_type " + type + ")");
    }
    ExpertData data;
    try {
      data = json.readValue(record.value() == null ? "" : record.value(), ExpertData.class);
    } catch (JsonProcessingException e) {
      throw new EventRecords.PoisonEvent(
          "unreadable data of " + type + " " + eventId + ": " + e.getOriginalMessage());
    }
    if (data == null
        || data.id() == null
        || data.version() == null
        || (changed && (data.businessUnit() == null || data.businessUnit().isBlank()))) {
      throw new EventRecords.PoisonEvent("incomplete data of " + type + " " + eventId);
    }
    ExpertData complete = data;
    EventRecords.withRetries(
        type + " " + eventId,
        () -> {
          if (removed) {
            experts.remove(eventId, record.topic(), complete.id());
          } else {
            experts.put(
                eventId,
                record.topic(),
                complete.id(),
                complete.businessUnit(),
                complete.version());
          }
        });
  }
}
