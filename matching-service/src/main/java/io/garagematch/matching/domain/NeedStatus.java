package io.garagematch.matching.domain;

/** Whether a need is still looking for startups. */
public enum NeedStatus {
  OPEN,
  CLOSED
}
