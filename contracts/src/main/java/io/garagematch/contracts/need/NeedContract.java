package io.garagematch.contracts.need;

import io.garagematch.contracts.events.EventType;
import java.util.List;

/**
 * What matching-service publishes on {@code need-events} (key: the need id), described in
 * docs/events/need.*.schema.json. Every kind carries {@link NeedData}.
 */
public final class NeedContract {

  public static final String TOPIC = "need-events";

  public static final EventType<NeedData> OPENED = kind("opened");
  public static final EventType<NeedData> UPDATED = kind("updated");
  public static final EventType<NeedData> CLOSED = kind("closed");

  public static final List<EventType<?>> ALL = List.of(OPENED, UPDATED, CLOSED);

  private NeedContract() {}

  private static EventType<NeedData> kind(String change) {
    return new EventType<>(TOPIC, "need", change, NeedData.class);
  }
}
