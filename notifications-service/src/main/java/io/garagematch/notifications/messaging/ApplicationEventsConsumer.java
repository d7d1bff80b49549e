package io.garagematch.notifications.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.notifications.service.RoutingService;
import io.garagematch.platform.messaging.EventRecords;
import io.garagematch.platform.tracing.Traces;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code startup-applications} for what notifications must know: when an application is
 * erased, its startup's name and pitch are removed from every stored notification. Other events are
 * skipped.
 */
@ApplicationScoped
public class ApplicationEventsConsumer {

  static final String ERASED = "io.garagematch.application.erased";

  private final RoutingService routing;
  private final ObjectMapper json;

  public ApplicationEventsConsumer(RoutingService routing, ObjectMapper json) {
    this.routing = routing;
    this.json = json;
  }

  @Incoming("startup-applications")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
    Traces.consume(record, "startup-applications process", () -> erase(record));
  }

  private void erase(ConsumerRecord<String, String> record) throws InterruptedException {
    String id = EventRecords.header(record, "ce_id");
    String type = EventRecords.header(record, "ce_type");
    if (type == null || !type.startsWith(ERASED)) {
      return;
    }
    UUID applicationId;
    try {
      JsonNode data = json.readTree(record.value() == null ? "" : record.value());
      applicationId = UUID.fromString(data.path("id").asText());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new EventRecords.PoisonEvent(
          "unreadable data of " + type + " " + id + ": " + e.getMessage());
    }
    if (id == null) {
      throw new EventRecords.PoisonEvent("an erasure without ce_id");
    }
    EventRecords.withRetries(type + " " + id, () -> routing.eraseStartup(id, applicationId));
  }
}
