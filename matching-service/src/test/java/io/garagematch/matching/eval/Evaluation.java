package io.garagematch.matching.eval;

import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.Matcher;
import io.garagematch.matching.domain.Need;
import io.garagematch.matching.domain.Thesaurus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the real matcher over a judged set and measures nDCG@10 (linear gain) and P@5 (grade ≥ 2),
 * averaged over the needs — as {@code trec_eval -m ndcg_cut.10} and {@code -l 2 -m P.5} do.
 *
 * <pre>
 * ./mvnw -q -pl matching-service test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.garagematch.matching.eval.Evaluation -Dexec.args=DIR
 * </pre>
 */
public final class Evaluation {

  /** Per need: the ranking and its two figures. */
  public record NeedResult(String needId, List<String> ranking, double ndcg10, double p5) {}

  /** The averages and the per-need results. */
  public record Report(double ndcg10, double p5, List<NeedResult> needs) {}

  public static Report run(EvaluationSet set, Thesaurus thesaurus) {
    try (Matcher matcher = new Matcher(thesaurus)) {
      set.startups().forEach(matcher::putStartup);
      set.needs().forEach(matcher::putNeed);
      List<NeedResult> results = new ArrayList<>();
      for (Need need : set.needs()) {
        List<String> ranking =
            matcher.rankStartups(need, 50).stream().map(MatchResult::startupId).toList();
        Map<String, Integer> rel = set.qrels().getOrDefault(need.id(), Map.of());
        results.add(new NeedResult(need.id(), ranking, ndcg10(ranking, rel), p5(ranking, rel)));
      }
      return new Report(
          results.stream().mapToDouble(NeedResult::ndcg10).average().orElse(0),
          results.stream().mapToDouble(NeedResult::p5).average().orElse(0),
          results);
    }
  }

  static double ndcg10(List<String> ranking, Map<String, Integer> rel) {
    double dcg = 0;
    for (int i = 0; i < Math.min(10, ranking.size()); i++) {
      dcg += rel.getOrDefault(ranking.get(i), 0) / log2(i + 2);
    }
    List<Integer> ideal = rel.values().stream().sorted((a, b) -> b - a).limit(10).toList();
    double idcg = 0;
    for (int i = 0; i < ideal.size(); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  static double p5(List<String> ranking, Map<String, Integer> rel) {
    return ranking.stream().limit(5).filter(s -> rel.getOrDefault(s, 0) >= 2).count() / 5.0;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: Evaluation DIR (holding needs.json, startups.json, qrels.txt)");
      System.exit(2);
    }
    EvaluationSet set = EvaluationSet.load(Path.of(args[0]));
    Thesaurus thesaurus = Thesaurus.load(null);
    long start = System.nanoTime();
    Report report = run(set, thesaurus);
    long ms = (System.nanoTime() - start) / 1_000_000;
    Map<String, Object> figures = new LinkedHashMap<>();
    for (NeedResult r : report.needs()) {
      Map<String, Integer> rel = set.qrels().getOrDefault(r.needId(), Map.of());
      List<String> top =
          r.ranking().stream().limit(10).map(s -> s + ":" + rel.getOrDefault(s, 0)).toList();
      System.out.printf(
          "%s  nDCG@10 %.3f  P@5 %.2f  top10 %s%n", r.needId(), r.ndcg10(), r.p5(), top);
    }
    figures.put("needs", report.needs().size());
    figures.put("startups", set.startups().size());
    figures.put("thesaurus concepts", thesaurus.size());
    System.out.println(figures + ", " + ms + " ms");
    System.out.printf("nDCG@10 %.4f%nP@5 %.4f%n", report.ndcg10(), report.p5());
  }
}
