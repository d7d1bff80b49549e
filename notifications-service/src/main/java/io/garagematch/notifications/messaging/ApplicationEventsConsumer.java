package io.garagematch.notifications.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.contracts.application.ApplicationContract;
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

  private final RoutingService routing;
  private final ObjectMapper json;

  public ApplicationEventsConsumer(RoutingService routing, ObjectMapper json) {
    this.routing = routing;
    this.json = json;
  }

  @Incoming("startup-applications")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
    EventRecords.consume(
        record,
        json,
        ApplicationContract.ALL,
        event -> {
          if (!event.is(ApplicationContract.ERASED)) {
            return () -> {};
          }
          UUID applicationId =
              event.data(json, ApplicationContract.ERASED, e -> e.id() != null).id();
          return () -> routing.eraseStartup(event.id(), applicationId);
        });
  }
}
