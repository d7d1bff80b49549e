package io.garagematch.notifications.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.notifications.service.RoutingService;
import io.garagematch.platform.messaging.EventRecords;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code startup-applications} for what notifications must know: when a startup is erased,
 * its name and pitch leave every stored notification and the erasure is confirmed ({@link
 * RoutingService#eraseStartup}). Other application events are skipped.
 */
@ApplicationScoped
public class ApplicationEventsConsumer {

  static final String PREFIX = "io.garagematch.application.";
  static final String ERASED = PREFIX + "erased.v1";

  private final RoutingService routing;
  private final ObjectMapper json;

  public ApplicationEventsConsumer(RoutingService routing, ObjectMapper json) {
    this.routing = routing;
    this.json = json;
  }

  /** What this service reads of {@code application.erased}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Erased(UUID id) {}

  @Incoming("startup-applications")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
    EventRecords.consume(
        record,
        json,
        type -> type.startsWith(PREFIX),
        event -> {
          if (!ERASED.equals(event.type())) {
            return () -> {};
          }
          UUID applicationId = event.dataAs(json, Erased.class, e -> e.id() != null).id();
          return () -> routing.eraseStartup(event.id(), applicationId);
        });
  }
}
