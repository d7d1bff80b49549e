package io.garagematch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lifecycle table and the data each step takes, without a database. */
class MatchLifecycleTest {

  @Test
  void theVentureClientPathLeadsFromProposalToPurchaseOrder() {
    MatchStatus s = MatchStatus.PROPOSED;
    for (Decision d :
        List.of(
            Decision.SHORTLISTED,
            Decision.ACCEPTED,
            Decision.PILOT_STARTED,
            Decision.PILOT_GO,
            Decision.PURCHASE_ORDER_ISSUED)) {
      s = MatchLifecycle.after(s, d);
      assertThat(s.name()).isEqualTo(d.name());
    }
  }

  @Test
  void noPilotBeforeAcceptanceNoOrderBeforeAGoAndNothingAfterTheEnd() {
    assertIllegal(MatchStatus.PROPOSED, Decision.PILOT_STARTED);
    assertIllegal(MatchStatus.SHORTLISTED, Decision.PURCHASE_ORDER_ISSUED);
    assertIllegal(MatchStatus.PILOT_STARTED, Decision.PURCHASE_ORDER_ISSUED);
    assertIllegal(MatchStatus.PILOT_NO_GO, Decision.PURCHASE_ORDER_ISSUED);
    assertIllegal(MatchStatus.REJECTED, Decision.PILOT_STARTED);
    assertIllegal(MatchStatus.PILOT_GO, Decision.SHORTLISTED);
    for (MatchStatus end : List.of(MatchStatus.REJECTED, MatchStatus.WITHDRAWN)) {
      assertThat(MatchLifecycle.allowed(end)).isEmpty();
    }
  }

  @Test
  void financingIsATrackOfItsOwnFromAcceptanceOnThatLeavesTheStatusAlone() {
    for (MatchStatus s : MatchStatus.values()) {
      boolean open =
          EnumSet.of(
                  MatchStatus.ACCEPTED,
                  MatchStatus.PILOT_STARTED,
                  MatchStatus.PILOT_GO,
                  MatchStatus.PILOT_NO_GO,
                  MatchStatus.PURCHASE_ORDER_ISSUED)
              .contains(s);
      assertThat(MatchLifecycle.allowed(s).contains(Decision.FINANCING_INTRODUCED))
          .as("%s", s)
          .isEqualTo(open);
      if (open) {
        assertThat(MatchLifecycle.after(s, Decision.FINANCING_INTRODUCED)).isEqualTo(s);
      }
    }
  }

  @Test
  void revertIsNeverATableStep() {
    for (MatchStatus s : MatchStatus.values()) {
      assertIllegal(s, Decision.REVERTED);
    }
  }

  @Test
  void eachStepTakesItsDataAndNoOther() {
    assertThat(input(Decision.REJECTED, null, null, null).problems())
        .extracting(DecisionInput.Problem::field)
        .containsExactly("reasonCode");
    assertThat(input(Decision.PILOT_NO_GO, RejectionReason.CRITERIA_NOT_MET, null, null).problems())
        .extracting(DecisionInput.Problem::field)
        .containsExactly("note");
    assertThat(input(Decision.PILOT_STARTED, null, null, null).problems())
        .extracting(DecisionInput.Problem::field)
        .containsExactly("pilot");
    assertThat(input(Decision.SHORTLISTED, RejectionReason.OTHER, null, pilot(null)).problems())
        .extracting(DecisionInput.Problem::field)
        .containsExactly("reasonCode", "pilot");
    assertThat(input(Decision.PILOT_GO, null, "criteria met", null).problems()).isEmpty();
  }

  @Test
  void aPilotDefaultsToTheLimitAndALongerOneNeedsAReason() {
    UUID owner = UUID.randomUUID();
    Pilot p = pilot(null).completed(4, owner);
    assertThat(p.plannedEndDate()).isEqualTo(LocalDate.of(2027, 5, 1));
    assertThat(p.goNoGoDate()).isEqualTo(p.plannedEndDate());
    assertThat(p.ownerExpertId()).isEqualTo(owner);
    assertThat(p.problems(4)).isEmpty();

    Pilot longer = pilot(LocalDate.of(2027, 7, 1)).completed(4, owner);
    assertThat(longer.problems(4))
        .extracting(DecisionInput.Problem::field)
        .containsExactly("pilot.extensionReason");
    assertThat(pilot(null).completed(4, null).problems(4))
        .extracting(DecisionInput.Problem::field)
        .containsExactly("pilot.ownerExpertId");
  }

  static Pilot pilot(LocalDate plannedEnd) {
    return new Pilot(
        List.of("warns within 500 ms"),
        new Money(new BigDecimal("120000"), "EUR"),
        LocalDate.of(2027, 1, 1),
        plannedEnd,
        null,
        null,
        null);
  }

  static DecisionInput input(Decision d, RejectionReason reason, String note, Pilot pilot) {
    return new DecisionInput(d, reason, note, pilot, null, null);
  }

  static void assertIllegal(MatchStatus from, Decision d) {
    assertThatThrownBy(() -> MatchLifecycle.after(from, d))
        .isInstanceOf(MatchLifecycle.IllegalTransition.class)
        .satisfies(
            e ->
                assertThat(((MatchLifecycle.IllegalTransition) e).allowed())
                    .isEqualTo(MatchLifecycle.allowed(from)));
  }
}
