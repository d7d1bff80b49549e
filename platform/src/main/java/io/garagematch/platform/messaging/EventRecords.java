package io.garagematch.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.contracts.events.EventType;
import io.garagematch.platform.tracing.Traces;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Reading CloudEvents from Kafka records and applying them: a record that can never be applied is a
 * {@link PoisonEvent} (the channel sends it to its dead-letter topic with the reason); a failure
 * that may pass (the database) is retried with back-off first. {@link #consume} is the one way a
 * consumer does all of it, so that each consumer is only its business logic.
 */
public final class EventRecords {

  private static final Logger LOG = Logger.getLogger(EventRecords.class);
  public static final int ATTEMPTS = 8;

  private EventRecords() {}

  /** What a consumer does with one event: read its data (poison if unusable), then the effect. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Reads what the effect needs from the event (throwing {@link PoisonEvent} when it never can)
     * and returns the effect, which is retried when it fails.
     */
    Runnable prepare(InboundEvent event);
  }

  /**
   * Consumes one record: continues its trace in a consumer span, reads the CloudEvent ({@link
   * InboundEvent#read}: poison without id or type, of a type not among {@code kinds}, or with
   * unreadable data), lets {@code handler} read the data, then runs the effect with retries. A
   * poison record or a last failure is thrown: the channel's dead-letter strategy takes it, with
   * the reason. Deduplication by {@code ce_id} belongs to the effect, in its own transaction.
   */
  public static void consume(
      ConsumerRecord<String, String> record,
      ObjectMapper json,
      List<EventType<?>> kinds,
      Handler handler)
      throws InterruptedException {
    Traces.consume(
        record,
        record.topic() + " process",
        () -> {
          InboundEvent event = InboundEvent.read(record, json, kinds);
          Runnable effect = handler.prepare(event);
          withRetries(event.toString(), effect);
          LOG.infof("applied %s", event);
        });
  }

  public static String header(ConsumerRecord<?, ?> record, String name) {
    var h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /**
   * Runs {@code apply}, retrying a failure that may pass (the database) with back-off; the last
   * failure is thrown, and the record goes to the dead-letter topic.
   */
  public static void withRetries(String what, Runnable apply) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        apply.run();
        return;
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        long backoff = Math.min(10_000, 100L << attempt);
        LOG.warnf(
            "applying %s failed (attempt %d), retrying in %d ms: %s", what, attempt, backoff, e);
        Thread.sleep(backoff);
      }
    }
  }

  /** A record that can never be applied: it goes to the dead-letter topic with this reason. */
  public static final class PoisonEvent extends RuntimeException {
    public PoisonEvent(String reason) {
      super(reason);
    }
  }
}
