package io.garagematch.matching.domain;

import io.garagematch.matching.domain.MatchResult.HardCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A need's hard filter. A startup that fails one is never ranked for the need; its checks say why
 * (the explanation of a match that did not happen). Each rule is stated here once, for both.
 */
sealed interface HardFilter {

  HardFilter MIN_TRL = new TrlBound("minTrl", Need::minTrl, true);
  HardFilter MAX_TRL = new TrlBound("maxTrl", Need::maxTrl, false);
  HardFilter FUNDING_STAGES =
      new OneOf<>("fundingStages", Need::fundingStages, Startup::fundingStage);
  HardFilter REGIONS = new OneOf<>("regions", Need::regions, Startup::country);

  /** Every filter, in the order of the checks. */
  List<HardFilter> ALL = List.of(MIN_TRL, MAX_TRL, FUNDING_STAGES, REGIONS);

  /** The rule's name in the checks. */
  String rule();

  /** Whether the need sets this filter. */
  boolean applies(Need n);

  /** Whether the startup meets the filter, which the need sets. */
  boolean passes(Need n, Startup s);

  /** The sentence saying why the startup passed or failed. */
  String detail(Need n, Startup s, boolean passed);

  /** Whether the startup meets the filter or the need does not set it. */
  default boolean admits(Need n, Startup s) {
    return !applies(n) || passes(n, s);
  }

  /** Whether the startup passes every hard filter of the need. */
  static boolean admitsAll(Need n, Startup s) {
    for (HardFilter f : ALL) {
      if (!f.admits(n, s)) {
        return false;
      }
    }
    return true;
  }

  /** One check for each filter the need sets, passed or not. */
  static List<HardCheck> checks(Need n, Startup s) {
    List<HardCheck> checks = new ArrayList<>();
    for (HardFilter f : ALL) {
      if (f.applies(n)) {
        boolean passed = f.passes(n, s);
        checks.add(new HardCheck(f.rule(), passed, f.detail(n, s, passed)));
      }
    }
    return checks;
  }

  /**
   * The startup's TRL is at least ({@code minimum}) or at most the need's bound, if it sets one.
   */
  record TrlBound(String rule, Function<Need, Integer> bound, boolean minimum)
      implements HardFilter {

    @Override
    public boolean applies(Need n) {
      return bound.apply(n) != null;
    }

    @Override
    public boolean passes(Need n, Startup s) {
      int b = bound.apply(n);
      return minimum ? s.trl() >= b : s.trl() <= b;
    }

    @Override
    public String detail(Need n, Startup s, boolean passed) {
      String relation = minimum ? (passed ? " ≥ " : " < ") : (passed ? " ≤ " : " > ");
      return "TRL " + s.trl() + relation + bound.apply(n);
    }
  }

  /** The startup's value is one of the need's, if the need names any. */
  record OneOf<T extends Comparable<T>>(
      String rule, Function<Need, Set<T>> allowed, Function<Startup, T> value)
      implements HardFilter {

    @Override
    public boolean applies(Need n) {
      return !allowed.apply(n).isEmpty();
    }

    @Override
    public boolean passes(Need n, Startup s) {
      return allowed.apply(n).contains(value.apply(s));
    }

    @Override
    public String detail(Need n, Startup s, boolean passed) {
      return value.apply(s)
          + (passed ? " is one of " : " is not one of ")
          + new TreeSet<>(allowed.apply(n));
    }
  }
}
