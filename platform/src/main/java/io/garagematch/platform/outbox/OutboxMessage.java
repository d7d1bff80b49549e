package io.garagematch.platform.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it is written to the outbox and relayed to Kafka as a CloudEvent (binary mode).
 *
 * @param id becomes {@code ce_id}; consumers deduplicate by it
 * @param topic the Kafka topic
 * @param key the record key (the aggregate's id): order is kept per key
 * @param type becomes {@code ce_type}, e.g. {@code io.garagematch.application.submitted.v1}
 * @param subject becomes {@code ce_subject}, usually the aggregate's id
 * @param time becomes {@code ce_time}
 * @param data the JSON payload
 */
public record OutboxMessage(
    UUID id, String topic, String key, String type, String subject, Instant time, String data) {

  public OutboxMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
  }
}
