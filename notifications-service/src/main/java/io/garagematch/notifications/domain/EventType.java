package io.garagematch.notifications.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The match events a subscription can ask for, written as in the events' type ({@code
 * match.proposed}).
 */
public enum EventType {
  PROPOSED("match.proposed"),
  UPDATED("match.updated"),
  WITHDRAWN("match.withdrawn"),
  DECIDED("match.decided"),
  ASSIGNED("match.assigned"),
  PILOT_OVERDUE("match.pilot-overdue");

  private final String name;

  EventType(String name) {
    this.name = name;
  }

  @JsonValue
  public String typeName() {
    return name;
  }

  /** The CloudEvent type matching-service emits, e.g. {@code io.garagematch.match.proposed.v1}. */
  public String cloudEventType() {
    return "io.garagematch." + name + ".v1";
  }

  /** Whether {@code type} is the CloudEvent type of one of these events. */
  public static boolean isCloudEventType(String type) {
    return Arrays.stream(values()).anyMatch(t -> t.cloudEventType().equals(type));
  }

  /**
   * The event type of a short name ({@code match.proposed}) or of a CloudEvent type ({@code
   * io.garagematch.match.proposed.v1}).
   */
  @JsonCreator
  public static EventType of(String type) {
    String name =
        type == null
            ? ""
            : type.replaceFirst("^io\\.garagematch\\.", "").replaceFirst("\\.v\\d+$", "");
    return Arrays.stream(values())
        .filter(t -> t.name.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown match event type " + type));
  }
}
