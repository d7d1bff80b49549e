package io.garagematch.matching.domain;

import io.garagematch.matching.domain.MatchResult.ComponentScore;
import io.garagematch.matching.domain.MatchResult.HardCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Scores one (need, startup) pair: the hard filters ({@link HardFilter}) and the weighted sum of
 * six components, each raw value clamped to [0, 1] and each contribution rounded to four decimals.
 * Ranking asks for the score only, an explanation for the breakdown and the checks too; both run
 * the same computation.
 */
final class PairScorer {

  /** A component as the breakdown names and weighs it. */
  private record Part(String name, ToDoubleFunction<Weights> weight, ScoreComponent component) {}

  private final List<Part> parts;

  PairScorer(Thesaurus thesaurus, CorpusStats stats) {
    this.parts =
        List.of(
            new Part("fields", Weights::fields, new FieldsScore()),
            new Part("text", Weights::text, new TextScore(stats)),
            new Part("concepts", Weights::concepts, new ConceptsScore(thesaurus, stats)),
            new Part("trl", Weights::trl, new TrlScore()),
            new Part("stage", Weights::stage, new StageScore()),
            new Part("geo", Weights::geo, new GeoScore()));
  }

  /** Whether the startup passes every hard filter of the need. */
  static boolean passes(Need n, Startup s) {
    return HardFilter.admitsAll(n, s);
  }

  /** The pair's score, the same as {@link #explain} gives, without building the explanation. */
  double score(AnalysedNeed an, AnalysedStartup as) {
    return score(an, as, null);
  }

  /** The pair's score with each component's value and evidence, and the hard checks. */
  MatchResult explain(AnalysedNeed an, AnalysedStartup as) {
    Need n = an.need();
    Startup s = as.startup();
    List<ComponentScore> breakdown = new ArrayList<>(parts.size());
    double score = score(an, as, breakdown);
    List<HardCheck> checks = HardFilter.checks(n, s);
    boolean passed = checks.stream().allMatch(HardCheck::passed);
    return new MatchResult(n.id(), s.id(), score, passed, n.weights().version(), breakdown, checks);
  }

  /** The score; with {@code breakdown} given, each component's score is added to it. */
  private double score(AnalysedNeed an, AnalysedStartup as, List<ComponentScore> breakdown) {
    Weights weights = an.need().weights();
    double total = 0;
    for (Part part : parts) {
      Map<String, Object> evidence = breakdown == null ? null : new LinkedHashMap<>();
      double value = Math.max(0, Math.min(1, part.component().raw(an, as, evidence)));
      double weight = part.weight().applyAsDouble(weights);
      double contribution = round(value * weight);
      total += contribution;
      if (breakdown != null) {
        breakdown.add(
            new ComponentScore(part.name(), round(value), weight, contribution, evidence));
      }
    }
    // each contribution is a multiple of 0.0001: rounded, the total does not depend on how the
    // additions round
    return round(total);
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
