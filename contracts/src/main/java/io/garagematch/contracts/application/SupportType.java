package io.garagematch.contracts.application;

/** What a startup asks the programme for. */
public enum SupportType {
  CLOUD_CREDITS,
  EXPERT_ACCESS,
  PILOT_PROJECT,
  FINANCING,
  WORKSPACE
}
