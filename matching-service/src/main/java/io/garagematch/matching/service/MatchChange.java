package io.garagematch.matching.service;

/**
 * The {@code match.*} events matching-service publishes on {@code match-events}: the one place
 * their CloudEvents types are written (docs/events/match.*.schema.json, docs/asyncapi.yaml).
 */
public enum MatchChange {
  /** A pair crossed its need's threshold (again); carries the owner or none (queued). */
  PROPOSED("proposed"),
  /** A new score of a match. */
  UPDATED("updated"),
  /** Its startup left or its need closed while it was open. */
  WITHDRAWN("withdrawn"),
  /** A decision moved it on (or an admin reverted one). */
  DECIDED("decided"),
  /** It got an owner from its unit's queue, another owner, or went back to the queue. */
  ASSIGNED("assigned"),
  /** Its pilot's go/no-go date passed without an outcome. */
  PILOT_OVERDUE("pilot-overdue");

  private final String name;

  MatchChange(String name) {
    this.name = name;
  }

  /** The short name: {@code proposed}, {@code pilot-overdue}, ... (metrics tag). */
  public String shortName() {
    return name;
  }

  /** The CloudEvents type, e.g. {@code io.garagematch.match.proposed.v1}. */
  public String type() {
    return "io.garagematch.match." + name + ".v1";
  }
}
