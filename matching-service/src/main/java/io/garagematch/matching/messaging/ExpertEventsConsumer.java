package io.garagematch.matching.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.matching.service.ExpertDirectory;
import io.garagematch.platform.messaging.EventRecords;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code expert-events} (notifications-service's experts directory) into the experts read
 * model that decides who may act as an expert here. Poison records go to {@code expert-events.dlq};
 * database failures are retried first.
 */
@ApplicationScoped
public class ExpertEventsConsumer {

  static final String REGISTERED = "io.garagematch.expert.registered.v1";
  static final String UPDATED = "io.garagematch.expert.updated.v1";
  static final String REMOVED = "io.garagematch.expert.removed.v1";

  private final ExpertDirectory experts;
  private final ObjectMapper json;

  public ExpertEventsConsumer(ExpertDirectory experts, ObjectMapper json) {
    this.experts = experts;
    this.json = json;
  }

  /**
   * The data of every {@code expert.*} event: who, in which unit, reviewing which fields, with how
   * many open reviews at most, at which version.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ExpertData(
      UUID id,
      String businessUnit,
      Set<InnovationField> innovationFields,
      Integer maxOpenReviews,
      Integer version) {
    boolean isComplete() {
      return id != null && version != null && businessUnit != null && !businessUnit.isBlank();
    }
  }

  @Incoming("expert-events")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
    EventRecords.consume(
        record,
        json,
        Set.of(REGISTERED, UPDATED, REMOVED)::contains,
        event -> {
          ExpertData e = event.dataAs(json, ExpertData.class, ExpertData::isComplete);
          return REMOVED.equals(event.type())
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
