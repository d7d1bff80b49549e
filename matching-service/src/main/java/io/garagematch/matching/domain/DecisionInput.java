package io.garagematch.matching.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * A decision as a decider sends it, with the data its step carries: a reason code to reject or end
 * a pilot NO_GO, a note (the reason) to record an outcome or to revert, the pilot to start one, the
 * purchase order, the financing introduction. Data a step does not take is refused, not ignored.
 */
public record DecisionInput(
    @NotNull Decision decision,
    RejectionReason reasonCode,
    @Size(max = 2000) String note,
    @Valid Pilot pilot,
    @Valid PurchaseOrder purchaseOrder,
    @Valid FinancingIntroduction financing) {

  /** One thing wrong with the input: the field and what is wrong. */
  public record Problem(String field, String message) {}

  /** What is wrong with this input for its decision (empty: nothing). */
  public List<Problem> problems() {
    List<Problem> out = new ArrayList<>();
    boolean needsReason = decision == Decision.REJECTED || decision == Decision.PILOT_NO_GO;
    if (needsReason && reasonCode == null) {
      out.add(new Problem("reasonCode", "is required when the decision is " + decision));
    } else if (!needsReason && reasonCode != null) {
      out.add(new Problem("reasonCode", "is only taken with REJECTED or PILOT_NO_GO"));
    }
    boolean needsNote =
        decision == Decision.PILOT_GO
            || decision == Decision.PILOT_NO_GO
            || decision == Decision.REVERTED;
    if (needsNote && (note == null || note.isBlank())) {
      out.add(new Problem("note", "is required when the decision is " + decision + ": say why"));
    }
    requireOnlyWith(out, "pilot", pilot, Decision.PILOT_STARTED);
    requireOnlyWith(out, "purchaseOrder", purchaseOrder, Decision.PURCHASE_ORDER_ISSUED);
    requireOnlyWith(out, "financing", financing, Decision.FINANCING_INTRODUCED);
    return out;
  }

  private void requireOnlyWith(List<Problem> out, String field, Object value, Decision with) {
    if (decision == with && value == null) {
      out.add(new Problem(field, "is required when the decision is " + with));
    } else if (decision != with && value != null) {
      out.add(new Problem(field, "is only taken with " + with));
    }
  }
}
