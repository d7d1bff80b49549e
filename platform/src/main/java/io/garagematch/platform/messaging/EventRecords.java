package io.garagematch.platform.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Reading CloudEvents from Kafka records and applying them: a record that can never be applied is a
 * {@link PoisonEvent} (the channel sends it to its dead-letter topic with the reason); a failure
 * that may pass (the database) is retried with back-off first.
 */
public final class EventRecords {

  private static final Logger LOG = Logger.getLogger(EventRecords.class);
  public static final int ATTEMPTS = 8;

  private EventRecords() {}

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
