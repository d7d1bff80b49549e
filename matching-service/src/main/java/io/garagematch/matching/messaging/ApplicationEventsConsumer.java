package io.garagematch.matching.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.contracts.application.ApplicationContract;
import io.garagematch.contracts.application.ApplicationData;
import io.garagematch.contracts.application.ApplicationErased;
import io.garagematch.matching.service.StartupService;
import io.garagematch.platform.messaging.EventRecords;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code startup-applications} in order per application: snapshots into the startups read
 * model, erasures into {@link StartupService#erase}. A record that can never be applied (no
 * CloudEvent id or type, unreadable or incomplete data) goes to {@code startup-applications.dlq}
 * with the reason; a failure that may pass (the database) is retried with back-off first. Nothing
 * is acknowledged unapplied.
 */
@ApplicationScoped
public class ApplicationEventsConsumer {

  private final StartupService startups;
  private final ObjectMapper json;

  public ApplicationEventsConsumer(StartupService startups, ObjectMapper json) {
    this.startups = startups;
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
          if (event.is(ApplicationContract.ERASED)) {
            ApplicationErased e =
                event.data(json, ApplicationContract.ERASED, ApplicationErased::isComplete);
            return () -> startups.erase(event.id(), event.topic(), e.id(), e.version());
          }
          ApplicationData a =
              event.dataAs(json, ApplicationData.class, ApplicationData::isComplete);
          return () -> startups.apply(event.id(), event.topic(), a);
        });
  }
}
