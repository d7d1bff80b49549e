package io.garagematch.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning for tests: every record matching a filter, waiting until at
 * least as many as expected arrived and then a little longer, so that extra records (duplicates)
 * are seen too.
 */
public final class TopicReader {

  private final String bootstrapServers;

  public TopicReader(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * The records of {@code topic} matching {@code filter}, once at least {@code expected} arrived
   * (or {@code timeout} passed) and no further one came for {@code settle}.
   */
  public List<ConsumerRecord<String, String>> read(
      String topic,
      Predicate<ConsumerRecord<String, String>> filter,
      int expected,
      Duration timeout,
      Duration settle) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "topic-reader-" + UUID.randomUUID(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<ConsumerRecord<String, String>> matching = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      Instant deadline = Instant.now().plus(timeout);
      List<TopicPartition> partitions = List.of();
      while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
        partitions =
            consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Instant quietUntil = null;
      while (Instant.now().isBefore(deadline)) {
        int before = matching.size();
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          if (filter.test(r)) {
            matching.add(r);
          }
        }
        if (matching.size() >= expected) {
          if (quietUntil == null || matching.size() > before) {
            quietUntil = Instant.now().plus(settle);
          } else if (Instant.now().isAfter(quietUntil)) {
            break;
          }
        }
      }
    }
    return matching;
  }

  /** The records with key {@code key}; see {@link #read}. Waits up to 30 s, settles 1 s. */
  public List<ConsumerRecord<String, String>> byKey(String topic, String key, int expected) {
    return read(
        topic, r -> key.equals(r.key()), expected, Duration.ofSeconds(30), Duration.ofSeconds(1));
  }

  /** The value of a header as text, or null. */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    var h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
