package io.garagematch.contracts.taxonomy;

/** A startup's funding stage. */
public enum FundingStage {
  PRE_SEED,
  SEED,
  SERIES_A,
  SERIES_B,
  SERIES_C_PLUS,
  GROWTH
}
