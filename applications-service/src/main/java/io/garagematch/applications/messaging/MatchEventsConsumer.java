package io.garagematch.applications.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.applications.service.ContactRelease;
import io.garagematch.platform.messaging.EventRecords;
import io.garagematch.platform.tracing.Traces;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code match-events} for one thing: which business unit holds which match on which
 * application, in which status — what decides who may see a startup's contact ({@link
 * ContactRelease}). Idempotent (the latest state per match wins); poison records go to {@code
 * match-events.dlq}.
 */
@ApplicationScoped
public class MatchEventsConsumer {

  private final ContactRelease contacts;
  private final ObjectMapper json;

  public MatchEventsConsumer(ContactRelease contacts, ObjectMapper json) {
    this.contacts = contacts;
    this.json = json;
  }

  /** What this service reads of a match event. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record MatchState(
      UUID id, UUID applicationId, String businessUnit, String status, Instant updatedAt) {}

  @Incoming("match-events")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
    Traces.consume(record, "match-events process", () -> apply(record));
  }

  private void apply(ConsumerRecord<String, String> record) throws InterruptedException {
    String eventId = EventRecords.header(record, "ce_id");
    String type = EventRecords.header(record, "ce_type");
    if (eventId == null || type == null || !type.startsWith("io.garagematch.match.")) {
      throw new EventRecords.PoisonEvent(
          "not a match CloudEvent (ce_id " + eventId + ", ce_type " + type + ")");
    }
    MatchState m;
    try {
      m = json.readValue(record.value() == null ? "" : record.value(), MatchState.class);
    } catch (JsonProcessingException e) {
      throw new EventRecords.PoisonEvent(
          "unreadable data of " + type + " " + eventId + ": " + e.getOriginalMessage());
    }
    if (m == null
        || m.id() == null
        || m.applicationId() == null
        || m.businessUnit() == null
        || m.status() == null
        || m.updatedAt() == null) {
      throw new EventRecords.PoisonEvent("incomplete data of " + type + " " + eventId);
    }
    MatchState complete = m;
    EventRecords.withRetries(
        type + " " + eventId,
        () ->
            contacts.record(
                complete.id(),
                complete.applicationId(),
                complete.businessUnit(),
                complete.status(),
                complete.updatedAt()));
  }
}
