package io.garagematch.matching.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.matching.service.StartupService;
import io.garagematch.platform.messaging.EventRecords;
import io.garagematch.platform.tracing.Traces;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code startup-applications} in order per application. A record that can never be
 * applied (no CloudEvent id or type, unreadable or incomplete data) goes to {@code
 * startup-applications.dlq} with the reason; a failure that may pass (the database) is retried with
 * back-off before the record is given up to the dead-letter topic. Nothing is acknowledged
 * unapplied.
 */
@ApplicationScoped
public class ApplicationEventsConsumer {

  private static final Logger LOG = Logger.getLogger(ApplicationEventsConsumer.class);

  private final StartupService startups;
  private final ObjectMapper json;

  public ApplicationEventsConsumer(StartupService startups, ObjectMapper json) {
    this.startups = startups;
    this.json = json;
  }

  static final String ERASED = "io.garagematch.application.erased.v1";

  /** The data of {@code application.erased}: which application, at which version. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Erased(UUID id, Integer version) {}

  private void erase(ConsumerRecord<String, String> record, String eventId, String type)
      throws InterruptedException {
    Erased erased;
    try {
      erased = json.readValue(record.value() == null ? "" : record.value(), Erased.class);
    } catch (JsonProcessingException e) {
      throw new EventRecords.PoisonEvent(
          "unreadable data of " + type + " " + eventId + ": " + e.getOriginalMessage());
    }
    if (erased == null || erased.id() == null || erased.version() == null) {
      throw new EventRecords.PoisonEvent("incomplete data of " + type + " " + eventId);
    }
    EventRecords.withRetries(
        type + " " + eventId,
        () -> {
          startups.erase(eventId, record.topic(), erased.id(), erased.version());
          LOG.infof("erased application %s (%s)", erased.id(), eventId);
        });
  }

  @Incoming("startup-applications")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
    Traces.consume(record, "startup-applications process", () -> apply(record));
  }

  private void apply(ConsumerRecord<String, String> record) throws InterruptedException {
    String eventId = EventRecords.header(record, "ce_id");
    String type = EventRecords.header(record, "ce_type");
    if (eventId == null || type == null || !type.startsWith("io.garagematch.application.")) {
      throw new EventRecords.PoisonEvent(
          "not an application CloudEvent (ce_id " + eventId + ", ce_type " + type + ")");
    }
    if (ERASED.equals(type)) {
      erase(record, eventId, type);
      return;
    }
    ApplicationSnapshot snapshot;
    try {
      snapshot =
          json.readValue(record.value() == null ? "" : record.value(), ApplicationSnapshot.class);
    } catch (JsonProcessingException e) {
      throw new EventRecords.PoisonEvent(
          "unreadable data of " + type + " " + eventId + ": " + e.getOriginalMessage());
    }
    if (snapshot == null || !snapshot.isComplete()) {
      throw new EventRecords.PoisonEvent("incomplete data of " + type + " " + eventId);
    }
    ApplicationSnapshot complete = snapshot;
    EventRecords.withRetries(
        type + " " + eventId,
        () -> {
          startups.apply(eventId, record.topic(), complete);
          LOG.infof("applied %s %s", type, eventId);
        });
  }
}
