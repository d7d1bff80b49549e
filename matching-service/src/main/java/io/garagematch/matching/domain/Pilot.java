package io.garagematch.matching.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A paid pilot: its success criteria set up front, the budget, its dates and the expert who owns
 * it. {@code plannedEndDate} defaults to the start plus the programme's limit (4 months unless
 * configured), {@code goNoGoDate} to the planned end; a pilot longer than the limit needs an {@code
 * extensionReason}.
 */
public record Pilot(
    @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> successCriteria,
    @NotNull @Valid Money budget,
    @NotNull LocalDate startDate,
    LocalDate plannedEndDate,
    LocalDate goNoGoDate,
    UUID ownerExpertId,
    @Size(max = 2000) String extensionReason) {

  /** This pilot with its defaults filled in: the planned end, the go/no-go date and the owner. */
  public Pilot completed(int maxMonths, UUID defaultOwner) {
    LocalDate end = plannedEndDate == null ? startDate.plusMonths(maxMonths) : plannedEndDate;
    return new Pilot(
        successCriteria,
        budget,
        startDate,
        end,
        goNoGoDate == null ? end : goNoGoDate,
        ownerExpertId == null ? defaultOwner : ownerExpertId,
        extensionReason);
  }

  /** What is wrong with a {@link #completed} pilot under a limit of {@code maxMonths}. */
  public List<DecisionInput.Problem> problems(int maxMonths) {
    List<DecisionInput.Problem> out = new java.util.ArrayList<>();
    if (!budget.knownCurrency()) {
      out.add(new DecisionInput.Problem("pilot.budget.currency", "is not an ISO 4217 currency"));
    }
    if (plannedEndDate.isBefore(startDate)) {
      out.add(new DecisionInput.Problem("pilot.plannedEndDate", "must not be before startDate"));
    } else if (plannedEndDate.isAfter(startDate.plusMonths(maxMonths))
        && (extensionReason == null || extensionReason.isBlank())) {
      out.add(
          new DecisionInput.Problem(
              "pilot.extensionReason",
              "is required for a pilot longer than " + maxMonths + " months"));
    }
    if (goNoGoDate.isBefore(startDate)) {
      out.add(new DecisionInput.Problem("pilot.goNoGoDate", "must not be before startDate"));
    }
    if (ownerExpertId == null) {
      out.add(
          new DecisionInput.Problem(
              "pilot.ownerExpertId", "is required while the match has no owning expert"));
    }
    return out;
  }
}
