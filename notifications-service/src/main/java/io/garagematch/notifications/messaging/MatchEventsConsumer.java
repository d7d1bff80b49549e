package io.garagematch.notifications.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.garagematch.notifications.domain.EventType;
import io.garagematch.notifications.domain.MatchEvent;
import io.garagematch.notifications.service.RoutingService;
import io.garagematch.platform.messaging.EventRecords;
import io.garagematch.platform.tracing.Traces;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code match-events} and routes each event to its recipients, once (see {@link
 * RoutingService}). A record that can never be routed goes to {@code match-events.dlq} with the
 * reason; nothing is acknowledged unrouted.
 */
@ApplicationScoped
public class MatchEventsConsumer {

  private static final Logger LOG = Logger.getLogger(MatchEventsConsumer.class);

  private final RoutingService routing;
  private final ObjectMapper json;

  public MatchEventsConsumer(RoutingService routing, ObjectMapper json) {
    this.routing = routing;
    this.json = json;
  }

  @Incoming("match-events")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
    Traces.consume(record, "match-events process", () -> route(record));
  }

  private void route(ConsumerRecord<String, String> record) throws InterruptedException {
    String id = EventRecords.header(record, "ce_id");
    String type = EventRecords.header(record, "ce_type");
    if (id == null || type == null) {
      throw new EventRecords.PoisonEvent(
          "not a CloudEvent (ce_id " + id + ", ce_type " + type + ")");
    }
    EventType eventType;
    try {
      eventType = EventType.of(type);
    } catch (IllegalArgumentException e) {
      throw new EventRecords.PoisonEvent(e.getMessage());
    }
    Instant time = time(record);
    JsonNode data;
    MatchEvent.Data parsed;
    try {
      data = json.readTree(record.value() == null ? "" : record.value());
      parsed = json.treeToValue(data, MatchEvent.Data.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new EventRecords.PoisonEvent(
          "unreadable data of " + type + " " + id + ": " + e.getMessage());
    }
    if (parsed == null || !parsed.isComplete()) {
      throw new EventRecords.PoisonEvent("incomplete data of " + type + " " + id);
    }
    MatchEvent event =
        new MatchEvent(id, eventType, EventRecords.header(record, "ce_source"), time, parsed);
    ObjectNode envelope = json.createObjectNode();
    envelope.put("id", id);
    envelope.put("type", eventType.typeName());
    envelope.put("source", event.source());
    envelope.put("time", time.toString());
    envelope.put("subject", parsed.id().toString());
    envelope.set("data", data);
    EventRecords.withRetries(
        type + " " + id,
        () ->
            LOG.infof("routed %s %s: %d notifications", type, id, routing.route(event, envelope)));
  }

  private static Instant time(ConsumerRecord<?, ?> record) {
    String time = EventRecords.header(record, "ce_time");
    try {
      return time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time);
    } catch (DateTimeParseException e) {
      return Instant.ofEpochMilli(record.timestamp());
    }
  }
}
