package io.garagematch.contracts.events;

import java.util.Objects;

/**
 * One event to publish: its kind, the record key (the aggregate whose order it keeps), its subject
 * ({@code ce_subject}) and its data.
 *
 * @param <T> the data's type, as the kind declares it
 */
public record Event<T>(EventType<T> type, String key, String subject, T data) {

  public Event {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(data, "data");
  }

  /** An event about the aggregate {@code id}: it is the key and the subject. */
  public static <T> Event<T> of(EventType<T> type, Object id, T data) {
    return new Event<>(type, id.toString(), id.toString(), data);
  }
}
