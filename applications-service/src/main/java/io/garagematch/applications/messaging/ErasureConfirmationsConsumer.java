package io.garagematch.applications.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.applications.service.ApplicationService;
import io.garagematch.platform.erasure.ErasureConfirmation;
import io.garagematch.platform.messaging.EventRecords;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Collects the other services' confirmations of erasures ({@code erasure-confirmations}), shown on
 * the application. Idempotent (one row per application and service); poison records go to {@code
 * erasure-confirmations.dlq}.
 */
@ApplicationScoped
public class ErasureConfirmationsConsumer {

  private final ApplicationService applications;
  private final ObjectMapper json;

  public ErasureConfirmationsConsumer(ApplicationService applications, ObjectMapper json) {
    this.applications = applications;
    this.json = json;
  }

  @Incoming("erasure-confirmations")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
    EventRecords.consume(
        record,
        json,
        ErasureConfirmation.TYPE::equals,
        event -> {
          ErasureConfirmation c =
              event.dataAs(
                  json,
                  ErasureConfirmation.class,
                  e -> e.applicationId() != null && e.service() != null && e.completedAt() != null);
          return () -> applications.confirmErasure(c.applicationId(), c.service(), c.completedAt());
        });
  }
}
