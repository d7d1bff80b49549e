package io.garagematch.matching.eval;

import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.Matcher;
import io.garagematch.matching.domain.Need;
import io.garagematch.matching.domain.Thesaurus;
import io.garagematch.matching.domain.Weights;
import io.garagematch.matching.domain.learning.DecisionSample;
import io.garagematch.matching.domain.learning.Replay;
import io.garagematch.matching.domain.learning.WeightLearner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replay of learned weights (ADR 0022) on a judged set read as a business unit's decisions:
 * each need's top {@value #SHOWN} startups are what its experts saw; a startup judged 2 or 3 counts
 * accepted, one judged 0 rejected, one judged 1 undecided. Prints the current and the learned
 * weights' figures side by side, as {@code GET .../weights/replay} does.
 *
 * <pre>
 * java -cp ... io.garagematch.matching.eval.DecisionReplay matching-service/src/test/resources/eval-broad
 * </pre>
 */
public final class DecisionReplay {

  static final int SHOWN = 10;

  public static void main(String[] args) throws Exception {
    EvaluationSet set = EvaluationSet.load(Path.of(args[0]));
    List<DecisionSample> samples = new ArrayList<>();
    try (Matcher matcher = new Matcher(Thesaurus.load(null))) {
      set.startups().forEach(matcher::putStartup);
      set.needs().forEach(matcher::putNeed);
      for (Need need : set.needs()) {
        Map<String, Integer> grades = set.qrels().getOrDefault(need.id(), Map.of());
        for (MatchResult shown : matcher.rankStartups(need, SHOWN)) {
          int grade = grades.getOrDefault(shown.startupId(), 0);
          if (grade != 1) {
            MatchResult r = matcher.score(need.id(), shown.startupId());
            Map<String, Double> values = new LinkedHashMap<>();
            r.breakdown().forEach(c -> values.put(c.component(), c.raw()));
            samples.add(DecisionSample.of(values, grade >= 2));
          }
        }
      }
    }
    Replay.Comparison c =
        Replay.compare(samples, Weights.DEFAULT, new WeightLearner(), "learned-replay");
    System.out.printf(
        "decisions %d (accepted %d, rejected %d)%n",
        c.current().decisions(), c.current().accepted(), c.current().rejected());
    System.out.printf(
        "current %s %s: AUC %.4f, precision@k %.4f%n",
        Weights.DEFAULT.version(),
        Weights.DEFAULT.asMap(),
        c.current().auc(),
        c.current().precisionAtK());
    if (c.learned() != null) {
      System.out.printf(
          "learned %s (coefficients %s, intercept %.4f): AUC %.4f, precision@k %.4f out of sample%n",
          c.learned().weights().asMap(),
          c.learned().coefficients(),
          c.learned().intercept(),
          c.learnedFigures().auc(),
          c.learnedFigures().precisionAtK());
    }
    System.out.println("promotable " + c.promotable() + ": " + c.reason());
  }
}
