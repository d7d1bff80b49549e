package io.garagematch.matching.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event already applied (by its ce_id). */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {
  @Id public String eventId;
  public String topic;
  public Instant processedAt;
}
