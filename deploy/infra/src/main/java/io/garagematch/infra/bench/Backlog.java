package io.garagematch.infra.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The pipeline's backlog: the records every consumer group of the broker has still to read, and the
 * notifications due and not yet sent.
 */
public final class Backlog {

  private Backlog() {}

  /** Records not yet consumed, summed over every group and partition. */
  public static long records(Admin admin) throws Exception {
    return records(admin, group -> true);
  }

  /** Records not yet consumed by the groups {@code counted}, summed over their partitions. */
  public static long records(Admin admin, Predicate<String> counted) throws Exception {
    long behind = 0;
    for (GroupListing group :
        admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(30, TimeUnit.SECONDS)) {
      if (!counted.test(group.groupId())) {
        continue;
      }
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group.groupId())
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
          admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
      for (Map.Entry<TopicPartition, OffsetAndMetadata> c : committed.entrySet()) {
        if (c.getValue() != null && ends.containsKey(c.getKey())) {
          behind += Math.max(0, ends.get(c.getKey()).offset() - c.getValue().offset());
        }
      }
    }
    return behind;
  }

  /** Notifications due for delivery now and not yet sent, in notifications-service's database. */
  public static long notificationsDue(Connection notifications) throws SQLException {
    try (Statement q = notifications.createStatement();
        ResultSet rs =
            q.executeQuery(
                "select count(*) from notification where status in ('PENDING', 'FAILED')"
                    + " and next_attempt_at <= now()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Waits until every consumer group has read everything (at most {@code atMost}), so that one
   * measurement does not pay for the work the one before left behind. Returns how long it waited.
   */
  public static Duration drain(String bootstrap, Duration atMost) throws Exception {
    return drain(bootstrap, atMost, group -> true);
  }

  /** Waits until the groups {@code counted} have read everything (at most {@code atMost}). */
  public static Duration drain(String bootstrap, Duration atMost, Predicate<String> counted)
      throws Exception {
    long start = System.nanoTime();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      while (records(admin, counted) > 0 && System.nanoTime() - start < atMost.toNanos()) {
        Thread.sleep(1_000);
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
