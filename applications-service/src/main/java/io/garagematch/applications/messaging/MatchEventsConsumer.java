package io.garagematch.applications.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.applications.domain.MatchOutcome;
import io.garagematch.applications.service.ContactRelease;
import io.garagematch.contracts.match.MatchContract;
import io.garagematch.contracts.match.MatchData;
import io.garagematch.platform.messaging.EventRecords;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code match-events} for two things: which business unit holds which match on which
 * application, in which status — what decides who may see a startup's contact ({@link
 * ContactRelease}) — and what a partner may learn of its startups' matches (the need's title and
 * the dates). Idempotent (the latest state per match wins); poison records go to {@code
 * match-events.dlq}.
 */
@ApplicationScoped
public class MatchEventsConsumer {

  private final ContactRelease contacts;
  private final ObjectMapper json;

  public MatchEventsConsumer(ContactRelease contacts, ObjectMapper json) {
    this.contacts = contacts;
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
          MatchData m =
              event.dataAs(json, MatchData.class, d -> d.isComplete() && d.updatedAt() != null);
          return () ->
              contacts.record(
                  new MatchOutcome(
                      m.id(),
                      m.applicationId(),
                      m.businessUnit(),
                      m.status(),
                      m.updatedAt(),
                      m.need() == null ? null : m.need().title(),
                      m.createdAt()));
        });
  }
}
