package io.garagematch.matching.domain;

/** A decision an expert or business unit records on a match; it becomes the match's status. */
public enum Decision {
  SHORTLISTED,
  ACCEPTED,
  REJECTED,
  PILOT_STARTED,
  PURCHASE_ORDER_ISSUED,
  FINANCING_INTRODUCED;

  public MatchStatus status() {
    return MatchStatus.valueOf(name());
  }
}
