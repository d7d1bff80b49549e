package io.garagematch.contracts.application;

/** Where an application stands. Erasure removes contact data but does not change the status. */
public enum ApplicationStatus {
  SUBMITTED,
  WITHDRAWN
}
