package io.garagematch.matching.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.contracts.expert.ExpertContract;
import io.garagematch.contracts.expert.ExpertData;
import io.garagematch.matching.service.ExpertDirectory;
import io.garagematch.platform.messaging.EventRecords;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code expert-events} (notifications-service's experts directory) into the experts read
 * model that decides who may act as an expert here. Poison records go to {@code expert-events.dlq};
 * database failures are retried first.
 */
@ApplicationScoped
public class ExpertEventsConsumer {

  private final ExpertDirectory experts;
  private final ObjectMapper json;

  public ExpertEventsConsumer(ExpertDirectory experts, ObjectMapper json) {
    this.experts = experts;
    this.json = json;
  }

  @Incoming("expert-events")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
    EventRecords.consume(
        record,
        json,
        ExpertContract.ALL,
        event -> {
          ExpertData e = event.dataAs(json, ExpertData.class, ExpertData::isComplete);
          return event.is(ExpertContract.REMOVED)
              ? () -> experts.remove(event.id(), event.topic(), e.id())
              : () ->
                  experts.put(
                      event.id(),
                      event.topic(),
                      e.id(),
                      e.businessUnit(),
                      e.innovationFields(),
                      e.maxOpenReviews(),
                      e.version());
        });
  }
}
