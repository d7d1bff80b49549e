package io.garagematch.infra;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes CloudEvents (binary mode: {@code ce_*} headers, JSON value) as the services' outbox
 * relay does — for tests that play another service. A null id or type leaves the header out; a null
 * time is the moment of sending.
 */
public final class EventPublisher implements AutoCloseable {

  private final KafkaProducer<String, String> producer;

  public EventPublisher(String bootstrapServers) {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer());
  }

  /** Sends one event and waits for the broker's acknowledgement. */
  public void publish(
      String topic, String key, String id, String type, String source, String time, String data)
      throws Exception {
    ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, data);
    header(r, "ce_specversion", "1.0");
    header(r, "ce_id", id);
    header(r, "ce_type", type);
    header(r, "ce_source", source);
    header(r, "ce_time", time == null ? java.time.Instant.now().toString() : time);
    header(r, "content-type", "application/json");
    producer.send(r).get();
  }

  private static void header(ProducerRecord<String, String> r, String name, String value) {
    if (value != null) {
      r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
