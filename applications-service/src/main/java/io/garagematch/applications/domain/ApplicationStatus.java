package io.garagematch.applications.domain;

/** Where an application stands. Erasure removes contact data but does not change the status. */
public enum ApplicationStatus {
  SUBMITTED,
  WITHDRAWN
}
