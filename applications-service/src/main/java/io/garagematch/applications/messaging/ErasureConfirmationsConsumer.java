package io.garagematch.applications.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.applications.service.ApplicationService;
import io.garagematch.contracts.erasure.ErasureConfirmation;
import io.garagematch.contracts.erasure.ErasureContract;
import io.garagematch.platform.messaging.EventRecords;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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
        List.of(ErasureContract.COMPLETED),
        event -> {
          ErasureConfirmation c =
              event.data(json, ErasureContract.COMPLETED, ErasureConfirmation::isComplete);
          return () -> applications.confirmErasure(c.applicationId(), c.service(), c.completedAt());
        });
  }
}
