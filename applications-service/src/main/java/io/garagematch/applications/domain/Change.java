package io.garagematch.applications.domain;

/** What made a new version of an application; each one is also an event (ApplicationContract). */
public enum Change {
  SUBMITTED,
  UPDATED,
  WITHDRAWN,
  ERASED
}
