package io.garagematch.notifications.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.garagematch.contracts.match.MatchContract;
import io.garagematch.contracts.match.MatchData;
import io.garagematch.notifications.domain.EventType;
import io.garagematch.notifications.domain.MatchEvent;
import io.garagematch.notifications.service.RoutingService;
import io.garagematch.platform.messaging.EventRecords;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
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
    EventRecords.consume(
        record,
        json,
        MatchContract.ALL,
        event -> {
          MatchData parsed =
              event.dataAs(json, MatchData.class, d -> d.isComplete() && d.need() != null);
          EventType type = EventType.of(event.kind());
          MatchEvent match = new MatchEvent(event.id(), type, event.source(), event.time(), parsed);
          ObjectNode envelope = json.createObjectNode();
          envelope.put("id", event.id());
          envelope.put("type", type.typeName());
          envelope.put("source", event.source());
          envelope.put("time", event.time().toString());
          envelope.put("subject", parsed.id().toString());
          envelope.set("data", event.data());
          return () ->
              LOG.infof("routed %s: %d notifications", event, routing.route(match, envelope));
        });
  }
}
