package io.garagematch.contracts.erasure;

import io.garagematch.contracts.events.Event;
import io.garagematch.contracts.events.EventType;

/**
 * What matching- and notifications-service publish on {@code erasure-confirmations} (key: the
 * application id), described in docs/events/erasure.completed.schema.json.
 */
public final class ErasureContract {

  public static final String TOPIC = "erasure-confirmations";

  public static final EventType<ErasureConfirmation> COMPLETED =
      new EventType<>(TOPIC, "erasure", "completed", ErasureConfirmation.class);

  private ErasureContract() {}

  /** The event confirming {@code confirmation}. */
  public static Event<ErasureConfirmation> completed(ErasureConfirmation confirmation) {
    return Event.of(COMPLETED, confirmation.applicationId(), confirmation);
  }
}
