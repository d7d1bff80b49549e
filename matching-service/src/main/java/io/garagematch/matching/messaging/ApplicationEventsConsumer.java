package io.garagematch.matching.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.matching.service.StartupService;
import io.garagematch.platform.tracing.Traces;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code startup-applications} in order per application. A record that can never be
 * applied (no CloudEvent id or type, unreadable or incomplete data) goes to {@code
 * startup-applications.dlq} with the reason; a failure that may pass (the database) is retried with
 * back-off before the record is given up to the dead-letter topic. Nothing is acknowledged
 * unapplied.
 */
@ApplicationScoped
public class ApplicationEventsConsumer {

  private static final Logger LOG = Logger.getLogger(ApplicationEventsConsumer.class);
  static final int ATTEMPTS = 8;

  private final StartupService startups;
  private final ObjectMapper json;

  public ApplicationEventsConsumer(StartupService startups, ObjectMapper json) {
    this.startups = startups;
    this.json = json;
  }

  @Incoming("startup-applications")
  @Blocking
  public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
    Traces.consume(record, "startup-applications process", () -> apply(record));
  }

  private void apply(ConsumerRecord<String, String> record) throws InterruptedException {
    String eventId = header(record, "ce_id");
    String type = header(record, "ce_type");
    if (eventId == null || type == null || !type.startsWith("io.garagematch.application.")) {
      throw new PoisonEvent(
          "not an application CloudEvent (ce_id " + eventId + ", ce_type " + type + ")");
    }
    ApplicationSnapshot snapshot;
    try {
      snapshot =
          json.readValue(record.value() == null ? "" : record.value(), ApplicationSnapshot.class);
    } catch (JsonProcessingException e) {
      throw new PoisonEvent(
          "unreadable data of " + type + " " + eventId + ": " + e.getOriginalMessage());
    }
    if (snapshot == null || !snapshot.isComplete()) {
      throw new PoisonEvent("incomplete data of " + type + " " + eventId);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        startups.apply(eventId, record.topic(), snapshot);
        LOG.infof("applied %s %s", type, eventId);
        return;
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        long backoff = Math.min(10_000, 100L << attempt);
        LOG.warnf(
            "applying %s %s failed (attempt %d), retrying in %d ms: %s",
            type, eventId, attempt, backoff, e);
        Thread.sleep(backoff);
      }
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    var h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /** A record that can never be applied. */
  static final class PoisonEvent extends RuntimeException {
    PoisonEvent(String reason) {
      super(reason);
    }
  }
}
