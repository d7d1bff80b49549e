package io.garagematch.contracts.application;

import io.garagematch.contracts.events.EventType;
import java.util.List;

/**
 * What applications-service publishes on {@code startup-applications} (key: the application id),
 * described in docs/events/application.*.schema.json and docs/asyncapi.yaml.
 */
public final class ApplicationContract {

  public static final String TOPIC = "startup-applications";

  public static final EventType<ApplicationData> SUBMITTED = kind("submitted");
  public static final EventType<ApplicationData> UPDATED = kind("updated");
  public static final EventType<ApplicationData> WITHDRAWN = kind("withdrawn");
  public static final EventType<ApplicationErased> ERASED =
      new EventType<>(TOPIC, "application", "erased", ApplicationErased.class);

  /** Every kind, in the order of an application's life. */
  public static final List<EventType<?>> ALL = List.of(SUBMITTED, UPDATED, WITHDRAWN, ERASED);

  private ApplicationContract() {}

  private static EventType<ApplicationData> kind(String change) {
    return new EventType<>(TOPIC, "application", change, ApplicationData.class);
  }
}
