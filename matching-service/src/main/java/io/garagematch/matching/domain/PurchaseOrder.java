package io.garagematch.matching.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The purchase order a successful pilot ends in, with the startup's supplier number. */
public record PurchaseOrder(
    @NotBlank @Size(max = 100) String number,
    @NotBlank @Size(max = 100) String supplierNumber,
    @NotNull @Valid Money amount,
    @NotNull LocalDate date) {}
