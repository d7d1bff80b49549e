package io.garagematch.matching.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The need's concepts found in the startup's text, weighted by rarity (and by prominence in the
 * need); a broader or narrower concept counts half; scaled by how much the need's concepts say of
 * it ({@link #FULL_COVERAGE}), so a need's one generic concept, shared, counts little. Evidence:
 * {matched: [...], needCoverage}, one entry per concept found.
 */
final class ConceptsScore implements ScoreComponent {

  /**
   * The weight (Σ idf × prominence) of a need's concepts that says all about it: about four rare
   * concepts. One common concept ("electrified vehicle", idf ≈ 2) says a sixth.
   */
  static final double FULL_COVERAGE = 12;

  private final Thesaurus thesaurus;
  private final CorpusStats stats;

  ConceptsScore(Thesaurus thesaurus, CorpusStats stats) {
    this.thesaurus = thesaurus;
    this.stats = stats;
  }

  @Override
  public double raw(AnalysedNeed an, AnalysedStartup as, Map<String, Object> evidence) {
    List<Map<String, Object>> matched = evidence == null ? null : new ArrayList<>();
    double total = 0;
    double credit = 0;
    for (String c : an.concepts().keySet()) {
      double weight = stats.conceptIdf(c) * an.conceptBoost().getOrDefault(c, 1.0);
      total += weight;
      if (as.concepts().containsKey(c)) {
        credit += weight;
        if (matched != null) {
          matched.add(entry(c, c, an, as, "exact"));
        }
      } else {
        for (String neighbour : thesaurus.neighbours(c)) {
          if (as.concepts().containsKey(neighbour)) {
            credit += 0.5 * weight;
            if (matched != null) {
              matched.add(entry(c, neighbour, an, as, "related"));
            }
            break;
          }
        }
      }
    }
    if (evidence != null) {
      evidence.put("matched", matched);
      evidence.put("needCoverage", round(coverage(total)));
    }
    // the square root: a few of the need's concepts, found, already say much; scaled by how much
    // the need's concepts say of the need
    return total == 0 ? 0 : coverage(total) * Math.sqrt(credit / total);
  }

  /** How much the need's concepts, of total weight {@code total}, say about it: in [0, 1]. */
  private static double coverage(double total) {
    return Math.min(1, total / FULL_COVERAGE);
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  /**
   * One matched concept: its id and its labels in en / de / zh (the first term of each language),
   * how it matched, for a related match the startup's concept with its labels, and the terms found
   * on each side.
   */
  private Map<String, Object> entry(
      String needConcept, String startupConcept, AnalysedNeed an, AnalysedStartup as, String how) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("concept", needConcept);
    e.put("labels", Evidence.labels(thesaurus, needConcept));
    e.put("match", how);
    if (!needConcept.equals(startupConcept)) {
      e.put("startupConcept", startupConcept);
      e.put("startupConceptLabels", Evidence.labels(thesaurus, startupConcept));
    }
    e.put("needTerms", List.copyOf(an.concepts().get(needConcept)));
    e.put("startupTerms", List.copyOf(as.concepts().get(startupConcept)));
    return e;
  }
}
