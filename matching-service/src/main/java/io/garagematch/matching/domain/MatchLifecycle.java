package io.garagematch.matching.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The venture-client lifecycle of a match, written once: which decision may follow which status,
 * and the status it leads to. No pilot before acceptance; a pilot ends GO or NO_GO; a purchase
 * order only after a GO; rejection and NO_GO end the match; a financing introduction is a track of
 * its own, open from acceptance on, that leaves the status as it is. {@link Decision#REVERTED} is
 * not in the table: an admin may undo the latest step still in force from any status that has one.
 */
public final class MatchLifecycle {

  private static final Map<MatchStatus, Set<Decision>> NEXT = new EnumMap<>(MatchStatus.class);

  static {
    NEXT.put(
        MatchStatus.PROPOSED,
        EnumSet.of(Decision.SHORTLISTED, Decision.ACCEPTED, Decision.REJECTED));
    NEXT.put(MatchStatus.SHORTLISTED, EnumSet.of(Decision.ACCEPTED, Decision.REJECTED));
    NEXT.put(
        MatchStatus.ACCEPTED,
        EnumSet.of(Decision.PILOT_STARTED, Decision.REJECTED, Decision.FINANCING_INTRODUCED));
    NEXT.put(
        MatchStatus.PILOT_STARTED,
        EnumSet.of(Decision.PILOT_GO, Decision.PILOT_NO_GO, Decision.FINANCING_INTRODUCED));
    NEXT.put(
        MatchStatus.PILOT_GO,
        EnumSet.of(Decision.PURCHASE_ORDER_ISSUED, Decision.FINANCING_INTRODUCED));
    NEXT.put(MatchStatus.PILOT_NO_GO, EnumSet.of(Decision.FINANCING_INTRODUCED));
    NEXT.put(MatchStatus.PURCHASE_ORDER_ISSUED, EnumSet.of(Decision.FINANCING_INTRODUCED));
    NEXT.put(MatchStatus.REJECTED, EnumSet.noneOf(Decision.class));
    NEXT.put(MatchStatus.WITHDRAWN, EnumSet.noneOf(Decision.class));
  }

  private MatchLifecycle() {}

  /** The decisions that may follow {@code from} (without {@link Decision#REVERTED}). */
  public static Set<Decision> allowed(MatchStatus from) {
    return EnumSet.copyOf(NEXT.get(from));
  }

  /** The status after {@code decision} on a match in {@code from}; an illegal step throws. */
  public static MatchStatus after(MatchStatus from, Decision decision) {
    if (decision == Decision.REVERTED || !NEXT.get(from).contains(decision)) {
      throw new IllegalTransition(from, decision, allowed(from));
    }
    return switch (decision) {
      case FINANCING_INTRODUCED -> from;
      default -> MatchStatus.valueOf(decision.name());
    };
  }

  /** A decision the lifecycle does not allow from the match's status. */
  public static final class IllegalTransition extends RuntimeException {
    private final MatchStatus from;
    private final Decision decision;
    private final Set<Decision> allowed;

    public IllegalTransition(MatchStatus from, Decision decision, Set<Decision> allowed) {
      super(decision + " is not allowed on a match that is " + from);
      this.from = from;
      this.decision = decision;
      this.allowed = allowed;
    }

    public MatchStatus from() {
      return from;
    }

    public Decision decision() {
      return decision;
    }

    public Set<Decision> allowed() {
      return allowed;
    }
  }
}
