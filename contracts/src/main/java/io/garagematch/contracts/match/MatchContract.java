package io.garagematch.contracts.match;

import io.garagematch.contracts.events.EventType;
import java.util.List;

/**
 * What matching-service publishes on {@code match-events} (key: the need id, so that a need's
 * matches stay in order), described in docs/events/match.*.schema.json and docs/asyncapi.yaml.
 * Every kind carries {@link MatchData}.
 */
public final class MatchContract {

  public static final String TOPIC = "match-events";

  /** A pair crossed its need's threshold (again); carries the owner or none (queued). */
  public static final EventType<MatchData> PROPOSED = kind("proposed");

  /** A new score of a match. */
  public static final EventType<MatchData> UPDATED = kind("updated");

  /** Its startup left or its need closed while it was open. */
  public static final EventType<MatchData> WITHDRAWN = kind("withdrawn");

  /** A decision moved it on (or an admin reverted one). */
  public static final EventType<MatchData> DECIDED = kind("decided");

  /** It got an owner from its unit's queue, another owner, or went back to the queue. */
  public static final EventType<MatchData> ASSIGNED = kind("assigned");

  /** Its pilot's go/no-go date passed without an outcome. */
  public static final EventType<MatchData> PILOT_OVERDUE = kind("pilot-overdue");

  public static final List<EventType<?>> ALL =
      List.of(PROPOSED, UPDATED, WITHDRAWN, DECIDED, ASSIGNED, PILOT_OVERDUE);

  private MatchContract() {}

  private static EventType<MatchData> kind(String change) {
    return new EventType<>(TOPIC, "match", change, MatchData.class);
  }
}
