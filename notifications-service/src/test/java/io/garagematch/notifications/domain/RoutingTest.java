package io.garagematch.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.garagematch.contracts.match.MatchData;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutingTest {

  static final String UNIT = "BU-A";

  static MatchEvent event(EventType type, double score) {
    return event(type, score, null, null);
  }

  static MatchEvent event(EventType type, double score, UUID owner, UUID pilotOwner) {
    return new MatchEvent(
        "e1",
        type,
        "/garagematch/matching-service",
        Instant.now(),
        new MatchData(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "partner-p",
            UNIT,
            "PROPOSED",
            1,
            score,
            "default-1",
            List.of(),
            List.of(),
            new MatchData.NeedBrief(
                "Lidar", Language.EN, Set.of(InnovationField.AUTOMATED_DRIVING)),
            new MatchData.StartupBrief("S", Language.ZH, "CN", null),
            owner,
            pilotOwner == null
                ? null
                : new MatchData.Pilot(List.of(), null, null, null, null, pilotOwner, null),
            null,
            Instant.now(),
            Instant.now()));
  }

  static Recipient.Expert expert(
      String unit, Set<InnovationField> fields, double minScore, Integer max, Channel... channels) {
    return new Recipient.Expert(
        UUID.randomUUID(),
        new ExpertSpec(
            "E",
            "e@example.com",
            unit,
            fields,
            Language.DE,
            Set.of(channels),
            minScore,
            null,
            "Europe/Berlin",
            null,
            max,
            null));
  }

  static Recipient.Subscription subscription(
      Set<EventType> types, Set<String> units, double minScore, boolean active) {
    return new Recipient.Subscription(
        UUID.randomUUID(),
        new SubscriptionSpec(
            UNIT, "https://example.com/h", types, units, Set.of(), minScore, active));
  }

  @Test
  void theOwnerOfAProposedOrAssignedMatchHearsOfItOnEveryChannelAndNoOtherExpert() {
    var owner =
        expert(
            UNIT, Set.of(InnovationField.ELECTRIFICATION), 0.9, 1, Channel.EMAIL, Channel.IN_APP);
    var other = expert(UNIT, Set.of(), 0.0, null, Channel.EMAIL);
    for (EventType type : List.of(EventType.PROPOSED, EventType.ASSIGNED)) {
      assertThat(
              Routing.route(event(type, 0.6, owner.id(), null), List.of(owner, other), List.of()))
          .extracting(d -> d.recipient().id() + "/" + d.channel())
          .as("%s: the owner, whatever their fields, minimum score or load", type)
          .containsExactlyInAnyOrder(owner.id() + "/EMAIL", owner.id() + "/IN_APP");
    }
  }

  @Test
  void aQueuedMatchIsToldToNoExpert() {
    var e = expert(UNIT, Set.of(), 0, null, Channel.EMAIL);
    assertThat(Routing.route(event(EventType.PROPOSED, 0.6), List.of(e), List.of())).isEmpty();
  }

  @Test
  void anOwnerOfAnotherUnitIsNotTold() {
    var stranger = expert("BU-B", Set.of(), 0, null, Channel.EMAIL);
    assertThat(
            Routing.route(
                event(EventType.PROPOSED, 0.6, stranger.id(), null), List.of(stranger), List.of()))
        .isEmpty();
  }

  @Test
  void anOverduePilotIsToldToItsOwnerInTheApp() {
    var reviewer = expert(UNIT, Set.of(), 0, null, Channel.EMAIL);
    var pilotOwner = expert(UNIT, Set.of(), 0, null, Channel.EMAIL, Channel.IN_APP);
    assertThat(
            Routing.route(
                event(EventType.PILOT_OVERDUE, 0.6, reviewer.id(), pilotOwner.id()),
                List.of(reviewer, pilotOwner),
                List.of()))
        .extracting(d -> d.recipient().id() + "/" + d.channel())
        .containsExactly(pilotOwner.id() + "/IN_APP");
  }

  @Test
  void expertsHearNothingOfDecisionsUpdatesOrWithdrawals() {
    var e = expert(UNIT, Set.of(), 0, null, Channel.EMAIL);
    for (EventType type : List.of(EventType.DECIDED, EventType.UPDATED, EventType.WITHDRAWN)) {
      assertThat(Routing.route(event(type, 0.6, e.id(), null), List.of(e), List.of())).isEmpty();
    }
  }

  @Test
  void aPartnerHearsOfItsOwnStartupsMatchesOfTheTypesItAsksForWhileActive() {
    var own =
        new Recipient.Partner(
            UUID.randomUUID(),
            "partner-p",
            new PartnerSubscriptionSpec("https://p.example/h", null, null));
    var decidedOnly =
        new Recipient.Partner(
            UUID.randomUUID(),
            "partner-p",
            new PartnerSubscriptionSpec("https://p.example/d", Set.of(EventType.DECIDED), true));
    var inactive =
        new Recipient.Partner(
            UUID.randomUUID(),
            "partner-p",
            new PartnerSubscriptionSpec("https://p.example/i", null, false));
    var another =
        new Recipient.Partner(
            UUID.randomUUID(),
            "partner-q",
            new PartnerSubscriptionSpec("https://q.example/h", null, null));
    var all = List.of(own, decidedOnly, inactive, another);
    assertThat(Routing.route(event(EventType.PROPOSED, 0.6), List.of(), List.of(), all))
        .extracting(d -> d.recipient().id() + "/" + d.channel() + "/" + d.kind())
        .containsExactly(own.id() + "/WEBHOOK/PARTNER");
    assertThat(Routing.route(event(EventType.DECIDED, 0.6), List.of(), List.of(), all))
        .extracting(d -> d.recipient().id())
        .containsExactlyInAnyOrder(own.id(), decidedOnly.id());
    assertThat(Routing.route(event(EventType.UPDATED, 0.6), List.of(), List.of(), all)).isEmpty();
  }

  @Test
  void subscriptionsByTypeUnitScoreAndActiveFlag() {
    var yes = subscription(Set.of(EventType.PROPOSED), Set.of(UNIT), 0.5, true);
    var allUnits = subscription(Set.of(EventType.PROPOSED), Set.of(), 0, true);
    var otherType = subscription(Set.of(EventType.DECIDED), Set.of(UNIT), 0, true);
    var otherUnit = subscription(Set.of(EventType.PROPOSED), Set.of("BU-B"), 0, true);
    var tooLow = subscription(Set.of(EventType.PROPOSED), Set.of(UNIT), 0.9, true);
    var inactive = subscription(Set.of(EventType.PROPOSED), Set.of(UNIT), 0, false);
    assertThat(
            Routing.route(
                event(EventType.PROPOSED, 0.6),
                List.of(),
                List.of(yes, allUnits, otherType, otherUnit, tooLow, inactive)))
        .extracting(d -> d.recipient().id())
        .containsExactlyInAnyOrder(yes.id(), allUnits.id());
  }
}
