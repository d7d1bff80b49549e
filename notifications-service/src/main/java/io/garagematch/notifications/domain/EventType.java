package io.garagematch.notifications.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.garagematch.contracts.match.MatchContract;
import io.garagematch.contracts.match.MatchData;
import java.util.Arrays;

/**
 * The match events a subscription can ask for, named as the contract names them ({@code
 * match.proposed}).
 */
public enum EventType {
  PROPOSED(MatchContract.PROPOSED),
  UPDATED(MatchContract.UPDATED),
  WITHDRAWN(MatchContract.WITHDRAWN),
  DECIDED(MatchContract.DECIDED),
  ASSIGNED(MatchContract.ASSIGNED),
  PILOT_OVERDUE(MatchContract.PILOT_OVERDUE);

  private final io.garagematch.contracts.events.EventType<MatchData> kind;

  EventType(io.garagematch.contracts.events.EventType<MatchData> kind) {
    this.kind = kind;
  }

  @JsonValue
  public String typeName() {
    return kind.name();
  }

  /** The subscription's name of an event of the contract's {@code kind}. */
  public static EventType of(io.garagematch.contracts.events.EventType<?> kind) {
    return Arrays.stream(values())
        .filter(t -> t.kind.equals(kind))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a match event: " + kind));
  }

  /**
   * The event type of a short name ({@code match.proposed}) or of a CloudEvents type ({@code
   * io.garagematch.match.proposed.v1}).
   */
  @JsonCreator
  public static EventType of(String name) {
    return Arrays.stream(values())
        .filter(t -> t.kind.name().equals(name) || t.kind.is(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown match event type " + name));
  }
}
