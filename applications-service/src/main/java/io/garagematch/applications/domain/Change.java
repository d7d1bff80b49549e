package io.garagematch.applications.domain;

/** What made a new version of an application; each one is also an event. */
public enum Change {
  SUBMITTED("io.garagematch.application.submitted.v1"),
  UPDATED("io.garagematch.application.updated.v1"),
  WITHDRAWN("io.garagematch.application.withdrawn.v1"),
  ERASED("io.garagematch.application.erased.v1");

  private final String eventType;

  Change(String eventType) {
    this.eventType = eventType;
  }

  /** The CloudEvents type of the event this change emits. */
  public String eventType() {
    return eventType;
  }
}
