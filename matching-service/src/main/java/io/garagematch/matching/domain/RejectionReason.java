package io.garagematch.matching.domain;

/** Why a match was rejected or its pilot ended NO_GO; required with REJECTED and PILOT_NO_GO. */
public enum RejectionReason {
  NOT_RELEVANT,
  TECHNOLOGY_NOT_MATURE,
  TOO_EXPENSIVE,
  ALREADY_HAVE_SUPPLIER,
  COMPLIANCE_CONCERNS,
  STARTUP_DECLINED,
  CRITERIA_NOT_MET,
  OTHER
}
