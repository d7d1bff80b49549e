package io.garagematch.infra.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The records every consumer group of the broker has still to read: the pipeline's backlog. */
final class Backlog {

  private Backlog() {}

  /** Records not yet consumed, summed over every group and partition. */
  static long records(Admin admin) throws Exception {
    long behind = 0;
    for (GroupListing group :
        admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(30, TimeUnit.SECONDS)) {
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

  /**
   * Waits until every consumer group has read everything (at most {@code atMost}), so that one
   * measurement does not pay for the work the one before left behind. Returns how long it waited.
   */
  static Duration drain(String bootstrap, Duration atMost) throws Exception {
    long start = System.nanoTime();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      while (records(admin) > 0 && System.nanoTime() - start < atMost.toNanos()) {
        Thread.sleep(1_000);
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
