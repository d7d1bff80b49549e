package io.garagematch.contracts.expert;

import io.garagematch.contracts.events.EventType;
import java.util.List;

/**
 * What notifications-service publishes on {@code expert-events} (key: the expert id) so that
 * matching-service knows the experts directory, described in docs/events/expert.*.schema.json.
 */
public final class ExpertContract {

  public static final String TOPIC = "expert-events";

  public static final EventType<ExpertData> REGISTERED = kind("registered");
  public static final EventType<ExpertData> UPDATED = kind("updated");
  public static final EventType<ExpertData> REMOVED = kind("removed");

  public static final List<EventType<?>> ALL = List.of(REGISTERED, UPDATED, REMOVED);

  private ExpertContract() {}

  private static EventType<ExpertData> kind(String change) {
    return new EventType<>(TOPIC, "expert", change, ExpertData.class);
  }
}
