package io.garagematch.matching.domain;

/**
 * Where a match stands: proposed by the matcher, withdrawn (the startup left or the need closed),
 * or the last decision recorded on it — the venture-client path from shortlist to purchase order.
 */
public enum MatchStatus {
  PROPOSED,
  WITHDRAWN,
  SHORTLISTED,
  ACCEPTED,
  REJECTED,
  PILOT_STARTED,
  PURCHASE_ORDER_ISSUED,
  FINANCING_INTRODUCED
}
