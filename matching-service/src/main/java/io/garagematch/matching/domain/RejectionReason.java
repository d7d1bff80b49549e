package io.garagematch.matching.domain;

/** Why a match was rejected; required with REJECTED. */
public enum RejectionReason {
  NOT_RELEVANT,
  TECHNOLOGY_NOT_MATURE,
  TOO_EXPENSIVE,
  ALREADY_HAVE_SUPPLIER,
  COMPLIANCE_CONCERNS,
  STARTUP_DECLINED,
  OTHER
}
