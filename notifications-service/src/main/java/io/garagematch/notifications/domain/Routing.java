package io.garagematch.notifications.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Who is told about a match event. Plain rules, no framework:
 *
 * <ul>
 *   <li>Experts hear of {@code match.proposed} only: experts of the match's business unit whose
 *       innovation fields (none: all) touch the need's, and whose minimum score the match reaches —
 *       on each of their channels. An expert with as many unread inbox items as their {@code
 *       maxOpenReviews} is skipped while another fitting expert still has room; when all are full,
 *       all are told (nothing is lost).
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
    MatchEvent.Data d = event.data();
    List<Recipient.Delivery> out = new ArrayList<>();
    if (event.type() == EventType.PROPOSED) {
      List<Recipient.Expert> fitting = experts.stream().filter(e -> fits(e.spec(), d)).toList();
      List<Recipient.Expert> withRoom = fitting.stream().filter(Routing::hasRoom).toList();
      for (Recipient.Expert e : withRoom.isEmpty() ? fitting : withRoom) {
        e.spec().channels().stream().sorted().forEach(c -> out.add(new Recipient.Delivery(e, c)));
      }
    }
    for (Recipient.Subscription s : subscriptions) {
      if (fits(s.spec(), event.type(), d)) {
        out.add(new Recipient.Delivery(s, Channel.WEBHOOK));
      }
    }
    return out;
  }

  static boolean fits(ExpertSpec e, MatchEvent.Data d) {
    return e.businessUnit().equals(d.businessUnit())
        && (e.innovationFields().isEmpty()
            || !Collections.disjoint(e.innovationFields(), d.need().innovationFields()))
        && d.score() >= e.minScore();
  }

  static boolean hasRoom(Recipient.Expert e) {
    Integer max = e.spec().maxOpenReviews();
    return max == null || e.openReviews() < max;
  }

  static boolean fits(SubscriptionSpec s, EventType type, MatchEvent.Data d) {
    return s.active()
        && s.eventTypes().contains(type)
        && (s.businessUnits().isEmpty() || s.businessUnits().contains(d.businessUnit()))
        && (s.innovationFields().isEmpty()
            || !Collections.disjoint(s.innovationFields(), d.need().innovationFields()))
        && d.score() >= s.minScore();
  }
}
