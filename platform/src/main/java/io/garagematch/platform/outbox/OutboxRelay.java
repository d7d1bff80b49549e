package io.garagematch.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in commit order, as CloudEvents in binary mode, with an
 * idempotent producer ({@code acks=all}), and marks a row sent only after the broker acknowledged
 * it.
 *
 * <p>Woken by {@link Outbox} right after each commit; also polls, so rows written while Kafka was
 * down, or by another instance, go out once it is back. One instance relays at a time (a PostgreSQL
 * advisory lock), which keeps the order per key. Delivery is at least once: a crash between the
 * broker's ack and the update sends a row again, with the same {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  /** Advisory lock key: one relay per database at a time. */
  private static final long RELAY_LOCK = 0x6761726167656d61L;

  private static final String SELECT_PENDING =
      "select id, topic, message_key, type, source, subject, occurred_at, data::text, traceparent"
          + " from outbox_event where sent_at is null order by position limit ?";
  private static final String MARK_SENT =
      "update outbox_event set sent_at = now() where id = any(?)";

  private final AgroalDataSource dataSource;
  private final Map<String, Object> kafkaConfig;
  private final int batchSize;
  private final Duration pollInterval;
  private final Timer lag;
  private final Semaphore signal = new Semaphore(0);
  private volatile boolean running;
  private Thread worker;
  private Producer<String, byte[]> producer;

  public OutboxRelay(
      AgroalDataSource dataSource,
      MeterRegistry meters,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "garagematch.outbox.batch-size", defaultValue = "500") int batchSize,
      @ConfigProperty(name = "garagematch.outbox.poll-interval", defaultValue = "PT1S")
          Duration pollInterval) {
    this.dataSource = dataSource;
    this.kafkaConfig = kafkaConfig;
    this.batchSize = batchSize;
    this.pollInterval = pollInterval;
    this.lag =
        Timer.builder("garagematch.outbox.lag")
            .description("time from an event's commit to the broker's acknowledgement")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
  }

  void start(@Observes StartupEvent event) {
    // the service's Kafka settings (kafka.* / KAFKA_*: bootstrap servers, TLS, SASL), then ours
    Map<String, Object> config = new java.util.HashMap<>(kafkaConfig);
    config.putAll(
        Map.of(
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
            ProducerConfig.LINGER_MS_CONFIG, 1,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
            ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"));
    producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    running = true;
    worker = new Thread(this::run, "outbox-relay");
    worker.setDaemon(true);
    worker.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    signal.release();
    if (worker != null) {
      worker.join(TimeUnit.SECONDS.toMillis(10));
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }

  /** Asks the relay to look for new rows now. */
  public void wake() {
    signal.release();
  }

  private void run() {
    Duration backoff = Duration.ZERO;
    while (running) {
      try {
        if (backoff.isZero()) {
          signal.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        } else {
          Thread.sleep(backoff.toMillis());
        }
        signal.drainPermits();
        while (running && relayBatch() == batchSize) {
          // a full batch: more may be waiting
        }
        backoff = Duration.ZERO;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | SQLException e) {
        backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2));
        LOG.warnf("outbox relay paused for %d ms: %s", backoff.toMillis(), e.toString());
      }
    }
  }

  private static Duration min(Duration d) {
    Duration max = Duration.ofSeconds(10);
    return d.compareTo(max) > 0 ? max : d;
  }

  /**
   * Sends one batch of pending rows and marks those the broker acknowledged, up to the first
   * failure (the rest are sent again, in order, next time).
   *
   * @return how many rows were pending in this batch
   */
  int relayBatch() throws SQLException, InterruptedException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (!tryLock(c)) {
          c.rollback();
          return 0;
        }
        List<Pending> pending = pending(c);
        List<UUID> acked = new ArrayList<>(pending.size());
        RuntimeException failure = null;
        for (Pending p : pending) {
          try {
            p.ack().get();
            acked.add(p.message().id());
            lag.record(Duration.between(p.message().time(), Instant.now()));
          } catch (ExecutionException e) {
            failure = new IllegalStateException("broker did not acknowledge " + p, e.getCause());
            break;
          }
        }
        markSent(c, acked);
        c.commit();
        if (failure != null) {
          throw failure;
        }
        return pending.size();
      } catch (SQLException | RuntimeException | InterruptedException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
      lock.setLong(1, RELAY_LOCK);
      try (ResultSet rs = lock.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private List<Pending> pending(Connection c) throws SQLException {
    List<Pending> sent = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement(SELECT_PENDING)) {
      select.setInt(1, batchSize);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          OutboxMessage m =
              new OutboxMessage(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(6),
                  rs.getTimestamp(7).toInstant(),
                  rs.getString(8));
          Future<RecordMetadata> ack = producer.send(record(m, rs.getString(5), rs.getString(9)));
          sent.add(new Pending(m, ack));
          if (failedAlready(ack)) {
            break; // the broker is out of reach: don't wait max.block.ms for every row
          }
        }
      }
    }
    return sent;
  }

  private static boolean failedAlready(Future<RecordMetadata> ack) {
    if (!ack.isDone()) {
      return false;
    }
    try {
      ack.get();
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  static ProducerRecord<String, byte[]> record(OutboxMessage m, String source, String traceparent) {
    ProducerRecord<String, byte[]> r =
        new ProducerRecord<>(m.topic(), m.key(), m.data().getBytes(StandardCharsets.UTF_8));
    Headers h = r.headers();
    header(h, "ce_specversion", "1.0");
    header(h, "ce_id", m.id().toString());
    header(h, "ce_type", m.type());
    header(h, "ce_source", source);
    if (m.subject() != null) {
      header(h, "ce_subject", m.subject());
    }
    header(h, "ce_time", DateTimeFormatter.ISO_INSTANT.format(m.time()));
    header(h, "content-type", "application/json");
    if (traceparent != null) {
      header(h, "traceparent", traceparent);
    }
    return r;
  }

  private static void header(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void markSent(Connection c, List<UUID> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement update = c.prepareStatement(MARK_SENT)) {
      Array array = c.createArrayOf("uuid", ids.toArray());
      update.setArray(1, array);
      update.executeUpdate();
    }
  }

  private record Pending(OutboxMessage message, Future<RecordMetadata> ack) {}
}
