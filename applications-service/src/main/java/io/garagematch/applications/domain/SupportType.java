package io.garagematch.applications.domain;

/** What a startup asks the programme for. */
public enum SupportType {
  CLOUD_CREDITS,
  EXPERT_ACCESS,
  PILOT_PROJECT,
  FINANCING,
  WORKSPACE
}
