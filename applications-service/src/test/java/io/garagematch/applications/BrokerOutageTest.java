package io.garagematch.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.garagematch.infra.TestInfra;
import io.garagematch.infra.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Intake keeps accepting while Kafka is down, and nothing accepted is lost or doubled. */
@QuarkusTest
class BrokerOutageTest {

  @Inject AgroalDataSource dataSource;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void submissionsDuringABrokerOutageArePublishedOnceWhenItIsBack() throws Exception {
    TestInfra.get().stopKafka();
    List<String> ids = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        ids.add(ApplicationsApiTest.submit("outage-partner", Startups.chinese()));
      }
      // while the broker is down the relay retries, and nothing is marked sent
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(5))
          .until(() -> pending(ids) == ids.size());
    } finally {
      TestInfra.get().startKafka();
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> pending(ids) == 0);
    Set<String> keys = Set.copyOf(ids);
    List<ConsumerRecord<String, String>> published =
        new TopicReader(bootstrapServers)
            .read(
                ApplicationsApiTest.TOPIC,
                r -> keys.contains(r.key()),
                ids.size(),
                Duration.ofSeconds(60),
                Duration.ofSeconds(2));
    Set<String> eventIds =
        published.stream().map(r -> TopicReader.header(r, "ce_id")).collect(Collectors.toSet());
    assertThat(published.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(eventIds).hasSize(ids.size());
    assertThat(outboxRows(ids)).isEqualTo(ids.size());
  }

  /** Events of these applications not yet acknowledged by the broker. */
  private int pending(List<String> ids) throws Exception {
    return count(
        "select count(*) from outbox_event where sent_at is null and message_key = any(?)", ids);
  }

  private int outboxRows(List<String> ids) throws Exception {
    return count("select count(*) from outbox_event where message_key = any(?)", ids);
  }

  private int count(String sql, List<String> ids) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement(sql)) {
      q.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
