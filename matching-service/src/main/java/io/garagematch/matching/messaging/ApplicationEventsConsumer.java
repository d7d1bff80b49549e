package io.garagematch.matching.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.matching.service.StartupService;
import io.garagematch.platform.messaging.EventRecords;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
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

  static final String ERASED = "io.garagematch.application.erased.v1";
  static final Set<String> TYPES =
      Set.of(
          "io.garagematch.application.submitted.v1",
          "io.garagematch.application.updated.v1",
          "io.garagematch.application.withdrawn.v1",
          ERASED);

  private final StartupService startups;
  private final ObjectMapper json;

  public ApplicationEventsConsumer(StartupService startups, ObjectMapper json) {
    this.startups = startups;
    this.json = json;
  }

  /** The data of {@code application.erased}: which application, at which version. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Erased(UUID id, Integer version) {
    boolean isComplete() {
      return id != null && version != null;
    }
  }

  @Incoming("startup-applications")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
    EventRecords.consume(
        record,
        json,
        TYPES::contains,
        event -> {
          if (ERASED.equals(event.type())) {
            Erased e = event.dataAs(json, Erased.class, Erased::isComplete);
            return () -> startups.erase(event.id(), event.topic(), e.id(), e.version());
          }
          ApplicationSnapshot s =
              event.dataAs(json, ApplicationSnapshot.class, ApplicationSnapshot::isComplete);
          return () -> startups.apply(event.id(), event.topic(), s);
        });
  }
}
