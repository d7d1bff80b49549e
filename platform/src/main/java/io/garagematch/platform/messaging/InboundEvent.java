package io.garagematch.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.contracts.events.EventType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A CloudEvent (Kafka binary mode) read from a record: its attributes and its data as a JSON tree.
 *
 * @param id {@code ce_id}; consumers deduplicate by it
 * @param type {@code ce_type}
 * @param kind the contract's kind of that type, one of those the consumer takes
 * @param source {@code ce_source}, or null
 * @param time {@code ce_time}, or the record's timestamp when absent or unreadable
 * @param topic the topic it came from
 * @param key the record key
 * @param data the data, never null (a missing value is a poison record)
 */
public record InboundEvent(
    String id,
    String type,
    EventType<?> kind,
    String source,
    Instant time,
    String topic,
    String key,
    JsonNode data) {

  /**
   * Reads the record; a record without {@code ce_id} or {@code ce_type}, of a type the consumer
   * does not take, or with unreadable data is a {@link EventRecords.PoisonEvent}.
   */
  static InboundEvent read(
      ConsumerRecord<String, String> record, ObjectMapper json, List<EventType<?>> kinds) {
    String id = EventRecords.header(record, "ce_id");
    String type = EventRecords.header(record, "ce_type");
    EventType<?> kind = kinds.stream().filter(k -> k.is(type)).findFirst().orElse(null);
    if (id == null || kind == null) {
      throw new EventRecords.PoisonEvent(
          "not an event this consumer takes (ce_id " + id + ", ce_type " + type + ")");
    }
    JsonNode data;
    try {
      data = json.readTree(record.value() == null ? "" : record.value());
    } catch (JsonProcessingException e) {
      throw new EventRecords.PoisonEvent(
          "unreadable data of " + type + " " + id + ": " + e.getOriginalMessage());
    }
    if (data == null || !data.isObject()) {
      throw new EventRecords.PoisonEvent("no data object in " + type + " " + id);
    }
    return new InboundEvent(
        id,
        type,
        kind,
        EventRecords.header(record, "ce_source"),
        time(record),
        record.topic(),
        record.key(),
        data);
  }

  /** Whether it is of {@code kind}. */
  public boolean is(EventType<?> kind) {
    return this.kind.equals(kind);
  }

  /**
   * The data as {@code kind} declares it; unreadable data, or data {@code complete} refuses, is a
   * {@link EventRecords.PoisonEvent}.
   */
  public <T> T data(ObjectMapper json, EventType<T> kind, Predicate<T> complete) {
    return dataAs(json, kind.dataType(), complete);
  }

  /**
   * The data as {@code dataType} (a consumer's own reading of it); unreadable data, or data {@code
   * complete} refuses, is a {@link EventRecords.PoisonEvent}.
   */
  public <T> T dataAs(ObjectMapper json, Class<T> dataType, Predicate<T> complete) {
    T value;
    try {
      value = json.treeToValue(data, dataType);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new EventRecords.PoisonEvent(
          "unreadable data of " + type + " " + id + ": " + e.getMessage());
    }
    if (value == null || !complete.test(value)) {
      throw new EventRecords.PoisonEvent("incomplete data of " + type + " " + id);
    }
    return value;
  }

  @Override
  public String toString() {
    return type + " " + id;
  }

  private static Instant time(ConsumerRecord<?, ?> record) {
    String time = EventRecords.header(record, "ce_time");
    try {
      return time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time);
    } catch (DateTimeParseException e) {
      return Instant.ofEpochMilli(record.timestamp());
    }
  }
}
