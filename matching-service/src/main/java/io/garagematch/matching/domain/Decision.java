package io.garagematch.matching.domain;

/**
 * A step an expert or business unit records on a match. Most become the match's status; {@link
 * #FINANCING_INTRODUCED} is a separate track that leaves the status as it is; {@link #REVERTED}
 * (admins only) undoes the latest step still in force.
 */
public enum Decision {
  SHORTLISTED,
  ACCEPTED,
  REJECTED,
  PILOT_STARTED,
  PILOT_GO,
  PILOT_NO_GO,
  PURCHASE_ORDER_ISSUED,
  FINANCING_INTRODUCED,
  REVERTED
}
