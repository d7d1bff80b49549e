package io.garagematch.matching.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An introduction of the startup to a fund or a bank, a track of its own from acceptance on. */
public record FinancingIntroduction(
    @NotBlank @Size(max = 200) String institution,
    @NotNull FinancingKind kind,
    @NotNull LocalDate date) {

  /** Who the startup was introduced to. */
  public enum FinancingKind {
    FUND,
    BANK,
    OTHER
  }
}
