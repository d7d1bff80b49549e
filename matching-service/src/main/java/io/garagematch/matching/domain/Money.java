package io.garagematch.matching.domain;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** An amount in an ISO 4217 currency (EUR, CNY, USD, ...). */
public record Money(
    @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("1000000000000")
        @Digits(integer = 13, fraction = 2)
        BigDecimal amount,
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency) {

  /** Whether the currency is one ISO 4217 knows. */
  public boolean knownCurrency() {
    try {
      java.util.Currency.getInstance(currency);
      return true;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }
}
