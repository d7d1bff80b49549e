package io.garagematch.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.garagematch.platform.taxonomy.InnovationField;
import io.garagematch.platform.taxonomy.Language;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutingTest {

  static final String UNIT = "BU-A";

  static MatchEvent event(EventType type, double score) {
    return new MatchEvent(
        "e1",
        type,
        "/garagematch/matching-service",
        Instant.now(),
        new MatchEvent.Data(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            UNIT,
            "PROPOSED",
            score,
            List.of(),
            new MatchEvent.NeedBrief(
                "Lidar", Language.EN, Set.of(InnovationField.AUTOMATED_DRIVING)),
            new MatchEvent.StartupBrief("S", Language.ZH, "CN", null)));
  }

  static Recipient.Expert expert(
      String unit,
      Set<InnovationField> fields,
      double minScore,
      Integer max,
      long open,
      Channel... channels) {
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
            null),
        open);
  }

  static Recipient.Subscription subscription(
      Set<EventType> types, Set<String> units, double minScore, boolean active) {
    return new Recipient.Subscription(
        UUID.randomUUID(),
        new SubscriptionSpec(
            UNIT, "https://example.com/h", types, units, Set.of(), minScore, active));
  }

  @Test
  void expertsOfTheUnitWithFittingFieldsAndScoreOnEveryChannel() {
    var fits =
        expert(
            UNIT,
            Set.of(InnovationField.AUTOMATED_DRIVING),
            0.5,
            null,
            0,
            Channel.EMAIL,
            Channel.IN_APP);
    var anyField = expert(UNIT, Set.of(), 0.0, null, 0, Channel.EMAIL);
    var otherUnit = expert("BU-B", Set.of(), 0.0, null, 0, Channel.EMAIL);
    var otherField =
        expert(UNIT, Set.of(InnovationField.ELECTRIFICATION), 0.0, null, 0, Channel.EMAIL);
    var tooLow = expert(UNIT, Set.of(), 0.9, null, 0, Channel.EMAIL);
    var out =
        Routing.route(
            event(EventType.PROPOSED, 0.6),
            List.of(fits, anyField, otherUnit, otherField, tooLow),
            List.of());
    assertThat(out)
        .extracting(d -> d.recipient().id() + "/" + d.channel())
        .containsExactlyInAnyOrder(
            fits.id() + "/EMAIL", fits.id() + "/IN_APP", anyField.id() + "/EMAIL");
  }

  @Test
  void expertsAtCapacityAreSkippedWhileOthersHaveRoomButNeverAllSkipped() {
    var full = expert(UNIT, Set.of(), 0, 2, 2, Channel.IN_APP);
    var room = expert(UNIT, Set.of(), 0, 2, 1, Channel.IN_APP);
    assertThat(Routing.route(event(EventType.PROPOSED, 0.6), List.of(full, room), List.of()))
        .extracting(d -> d.recipient().id())
        .containsExactly(room.id());
    assertThat(Routing.route(event(EventType.PROPOSED, 0.6), List.of(full), List.of()))
        .extracting(d -> d.recipient().id())
        .containsExactly(full.id());
  }

  @Test
  void expertsHearOnlyOfProposals() {
    var e = expert(UNIT, Set.of(), 0, null, 0, Channel.EMAIL);
    assertThat(Routing.route(event(EventType.DECIDED, 0.6), List.of(e), List.of())).isEmpty();
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
