package io.garagematch.matching.domain;

/**
 * Where a match stands: proposed by the matcher, withdrawn (the startup left or the need closed),
 * or where the venture-client path has taken it — from shortlist through a pilot and its outcome to
 * a purchase order ({@link MatchLifecycle} holds the allowed steps).
 */
public enum MatchStatus {
  PROPOSED,
  WITHDRAWN,
  SHORTLISTED,
  ACCEPTED,
  REJECTED,
  PILOT_STARTED,
  PILOT_GO,
  PILOT_NO_GO,
  PURCHASE_ORDER_ISSUED;

  /** Still waiting for its unit's review: it takes a place in an expert's queue. */
  public boolean open() {
    return this == PROPOSED || this == SHORTLISTED;
  }

  /** Has reached a pilot: the pilot in force belongs to it. */
  public boolean hasPilot() {
    return this == PILOT_STARTED
        || this == PILOT_GO
        || this == PILOT_NO_GO
        || this == PURCHASE_ORDER_ISSUED;
  }
}
