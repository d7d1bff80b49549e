package io.garagematch.notifications.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event already routed: a redelivery is skipped. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {
  @Id public String eventId;
  public Instant processedAt;
}
