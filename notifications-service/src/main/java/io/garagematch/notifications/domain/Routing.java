package io.garagematch.notifications.domain;

import io.garagematch.contracts.match.MatchData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Who is told about a match event. Plain rules, no framework:
 *
 * <ul>
 *   <li>An expert hears of the matches they own: {@code match.proposed} and {@code match.assigned}
 *       go to the match's owner (matching-service assigns one expert with room, or queues the
 *       match: then no expert is told until it is assigned), on each of their channels; {@code
 *       match.pilot-overdue} goes to the pilot's owner, in the app.
 *   <li>Subscriptions hear of the event types they ask for, when active and their filters (business
 *       units, innovation fields, minimum score) let the match through.
 * </ul>
 */
public final class Routing {

  private Routing() {}

  public static List<Recipient.Delivery> route(
      MatchEvent event,
      Collection<Recipient.Expert> experts,
      Collection<Recipient.Subscription> subscriptions) {
    return route(event, experts, subscriptions, List.of());
  }

  /**
   * As above, and partners hear, by webhook, of the event types they ask for about their own
   * startups' matches (the event's {@code partnerId}) while their subscription is active.
   */
  public static List<Recipient.Delivery> route(
      MatchEvent event,
      Collection<Recipient.Expert> experts,
      Collection<Recipient.Subscription> subscriptions,
      Collection<Recipient.Partner> partners) {
    MatchData d = event.data();
    List<Recipient.Delivery> out = new ArrayList<>();
    UUID owner = expertToTell(event);
    for (Recipient.Expert e : experts) {
      if (e.id().equals(owner) && e.spec().businessUnit().equals(d.businessUnit())) {
        if (event.type() == EventType.PILOT_OVERDUE) {
          out.add(new Recipient.Delivery(e, Channel.IN_APP));
        } else {
          e.spec().channels().stream().sorted().forEach(c -> out.add(new Recipient.Delivery(e, c)));
        }
      }
    }
    for (Recipient.Subscription s : subscriptions) {
      if (fits(s.spec(), event.type(), d)) {
        out.add(new Recipient.Delivery(s, Channel.WEBHOOK));
      }
    }
    for (Recipient.Partner p : partners) {
      if (p.spec().active()
          && p.partnerId().equals(d.partnerId())
          && p.spec().eventTypes().contains(event.type())) {
        out.add(new Recipient.Delivery(p, Channel.WEBHOOK));
      }
    }
    return out;
  }

  /** The expert an event is for, if any: the owner of a proposed or assigned match, a pilot's. */
  public static UUID expertToTell(MatchEvent event) {
    MatchData d = event.data();
    return switch (event.type()) {
      case PROPOSED, ASSIGNED -> d.ownerExpertId();
      case PILOT_OVERDUE ->
          d.pilot() != null && d.pilot().ownerExpertId() != null
              ? d.pilot().ownerExpertId()
              : d.ownerExpertId();
      default -> null;
    };
  }

  static boolean fits(SubscriptionSpec s, EventType type, MatchData d) {
    return s.active()
        && s.eventTypes().contains(type)
        && (s.businessUnits().isEmpty() || s.businessUnits().contains(d.businessUnit()))
        && (s.innovationFields().isEmpty()
            || !Collections.disjoint(s.innovationFields(), d.need().innovationFields()))
        && d.score() >= s.minScore();
  }
}
