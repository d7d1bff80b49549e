package io.garagematch.matching.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Events already applied. */
@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, String> {

  /**
   * Records the event as applied, in the caller's transaction; false when it was applied before (a
   * redelivery, which then changes nothing).
   */
  public boolean firstTime(String eventId, String topic) {
    if (findByIdOptional(eventId).isPresent()) {
      return false;
    }
    ProcessedEvent p = new ProcessedEvent();
    p.eventId = eventId;
    p.topic = topic;
    p.processedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    persist(p);
    return true;
  }
}
