package io.garagematch.infra.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker's own end-to-end latency: records produced at a constant rate (acks=all, idempotent,
 * as the services produce) to a scratch topic, each stamped with its intended send time, and
 * consumed ({@code read_committed}) in the same process; the topic is deleted after.
 */
final class KafkaBaseline {

  record Result(int rate, int seconds, int received, Histogram latency) {
    String summary() {
      return String.format(
          Locale.ROOT,
          "%d/s, %d records: p50 %s p99 %s p99.9 %s",
          rate,
          received,
          Bench.Report.ms(latency.getValueAtPercentile(50)),
          Bench.Report.ms(latency.getValueAtPercentile(99)),
          Bench.Report.ms(latency.getValueAtPercentile(99.9)));
    }
  }

  private KafkaBaseline() {}

  static Result run(String bootstrap, int rate, int seconds) throws Exception {
    String topic = "bench-latency-" + System.nanoTime();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
      try {
        return measure(bootstrap, topic, rate, seconds);
      } finally {
        admin.deleteTopics(Set.of(topic)).all().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static Result measure(String bootstrap, String topic, int rate, int seconds)
      throws Exception {
    Histogram latency = new Histogram(3);
    int total = rate * seconds;
    try (KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(
                Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      Thread sender =
          new Thread(
              () -> {
                Pace.run(
                    rate,
                    seconds,
                    intended ->
                        producer.send(
                            new ProducerRecord<>(
                                topic, ByteBuffer.allocate(8).putLong(intended).array())));
                producer.flush();
              },
              "kafka-baseline-sender");
      sender.start();
      int received = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 30);
      while (received < total && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          long sentAt = ByteBuffer.wrap(r.value()).getLong();
          latency.recordValue(Math.max(0, System.nanoTime() - sentAt));
          received++;
        }
      }
      sender.join();
      return new Result(rate, seconds, received, latency);
    }
  }
}
