package io.garagematch.matching.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Picks the best pairs among needs and startups: passing the hard filters, best score first. */
final class Ranking {

  static final Comparator<MatchResult> BEST_FIRST =
      Comparator.comparingDouble(MatchResult::score)
          .reversed()
          .thenComparing(MatchResult::startupId);

  private Ranking() {}

  /**
   * Scores every pair that passes the hard filters (without evidence) and explains only the best
   * {@code limit}: the same results as {@link #explainEvery}, a fraction of the work.
   */
  static List<MatchResult> best(
      PairScorer scorer, List<AnalysedNeed> needs, List<AnalysedStartup> startups, int limit) {
    record Scored(AnalysedNeed need, AnalysedStartup startup, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (AnalysedNeed n : needs) {
      for (AnalysedStartup s : startups) {
        if (PairScorer.passes(n.need(), s.startup())) {
          scored.add(new Scored(n, s, scorer.score(n, s)));
        }
      }
    }
    return scored.stream()
        .sorted(
            Comparator.comparingDouble(Scored::score)
                .reversed()
                .thenComparing(p -> p.startup().startup().id())
                .thenComparing(p -> p.need().need().id()))
        .limit(limit)
        .map(p -> scorer.explain(p.need(), p.startup()))
        .sorted(BEST_FIRST)
        .toList();
  }

  /**
   * Explains every pair, then keeps the best passing ones: the brute-force reference for {@link
   * #best}.
   */
  static List<MatchResult> explainEvery(
      PairScorer scorer, List<AnalysedNeed> needs, List<AnalysedStartup> startups, int limit) {
    return needs.stream()
        .flatMap(n -> startups.stream().map(s -> scorer.explain(n, s)))
        .filter(MatchResult::passed)
        .sorted(BEST_FIRST)
        .limit(limit)
        .toList();
  }
}
