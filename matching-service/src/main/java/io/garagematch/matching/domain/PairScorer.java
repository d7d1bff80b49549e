package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import io.garagematch.matching.domain.MatchResult.ComponentScore;
import io.garagematch.matching.domain.MatchResult.HardCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Scores one (need, startup) pair exactly: hard checks, six components, evidence. */
final class PairScorer {

  /** Lucene's BM25 defaults. */
  private static final double K1 = 1.2;

  private static final double B = 0.75;

  /** At most this many words in the text component's evidence. */
  static final int MAX_TERMS = 10;

  private final Thesaurus thesaurus;
  private final Matcher.CorpusStats stats;

  PairScorer(Thesaurus thesaurus, Matcher.CorpusStats stats) {
    this.thesaurus = thesaurus;
    this.stats = stats;
  }

  /** Whether the startup passes every hard filter of the need. */
  static boolean passes(Need n, Startup s) {
    return s.trl() >= n.minTrl()
        && (n.maxTrl() == null || s.trl() <= n.maxTrl())
        && (n.fundingStages().isEmpty() || n.fundingStages().contains(s.fundingStage()))
        && (n.regions().isEmpty() || n.regions().contains(s.country()));
  }

  /** The same score as {@link #score}, without building the explanation. */
  double quickScore(Matcher.AnalysedNeed an, Matcher.AnalysedStartup as) {
    Need n = an.need();
    Startup s = as.startup();
    Weights w = n.weights();
    double score =
        clamp(fieldsValue(n, as)) * w.fields()
            + clamp(textValue(an, as)) * w.text()
            + clamp(conceptValue(an, as)) * w.concepts()
            + trl(n, s).value() * w.trl()
            + stage(n, s).value() * w.stage()
            + geo(n, s).value() * w.geo();
    return round(score);
  }

  private static double clamp(double v) {
    return round(Math.max(0, Math.min(1, v)));
  }

  MatchResult score(Matcher.AnalysedNeed an, Matcher.AnalysedStartup as) {
    Need n = an.need();
    Startup s = as.startup();
    List<HardCheck> checks = hardChecks(n, s);
    boolean passed = checks.stream().allMatch(HardCheck::passed);
    Weights w = n.weights();
    List<ComponentScore> breakdown = new ArrayList<>();
    breakdown.add(component("fields", fields(n, as), w.fields()));
    breakdown.add(component("text", text(an, as), w.text()));
    breakdown.add(component("concepts", concepts(an, as), w.concepts()));
    breakdown.add(component("trl", trl(n, s), w.trl()));
    breakdown.add(component("stage", stage(n, s), w.stage()));
    breakdown.add(component("geo", geo(n, s), w.geo()));
    double score = breakdown.stream().mapToDouble(ComponentScore::contribution).sum();
    return new MatchResult(n.id(), s.id(), round(score), passed, w.version(), breakdown, checks);
  }

  private record Raw(double value, Map<String, Object> evidence) {}

  private static ComponentScore component(String name, Raw raw, double weight) {
    double value = Math.max(0, Math.min(1, raw.value()));
    return new ComponentScore(name, round(value), weight, round(value * weight), raw.evidence());
  }

  static List<HardCheck> hardChecks(Need n, Startup s) {
    List<HardCheck> checks = new ArrayList<>();
    checks.add(
        new HardCheck(
            "minTrl",
            s.trl() >= n.minTrl(),
            "TRL " + s.trl() + (s.trl() >= n.minTrl() ? " ≥ " : " < ") + n.minTrl()));
    if (n.maxTrl() != null) {
      checks.add(
          new HardCheck(
              "maxTrl",
              s.trl() <= n.maxTrl(),
              "TRL " + s.trl() + (s.trl() <= n.maxTrl() ? " ≤ " : " > ") + n.maxTrl()));
    }
    if (!n.fundingStages().isEmpty()) {
      boolean ok = n.fundingStages().contains(s.fundingStage());
      checks.add(
          new HardCheck(
              "fundingStages",
              ok,
              s.fundingStage()
                  + (ok ? " is one of " : " is not one of ")
                  + new TreeSet<>(n.fundingStages())));
    }
    if (!n.regions().isEmpty()) {
      boolean ok = n.regions().contains(s.country());
      checks.add(
          new HardCheck(
              "regions",
              ok,
              s.country() + (ok ? " is one of " : " is not one of ") + new TreeSet<>(n.regions())));
    }
    return checks;
  }

  /**
   * Share of the need's fields the startup covers: declared fields count fully; fields that are
   * only related, or that only the startup's concepts reveal, count half.
   */
  private Raw fields(Need n, Matcher.AnalysedStartup as) {
    if (n.innovationFields().isEmpty()) {
      return new Raw(1, Map.of());
    }
    double credit = 0;
    List<String> matched = new ArrayList<>();
    List<String> partial = new ArrayList<>();
    for (InnovationField f : n.innovationFields()) {
      double c = fieldCredit(f, as);
      credit += c;
      if (c == 1) {
        matched.add(f.name());
      } else if (c > 0) {
        partial.add(f.name());
      }
    }
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("matched", matched);
    evidence.put("related", partial);
    return new Raw(credit / n.innovationFields().size(), evidence);
  }

  /** The fields component's value, without evidence. */
  private static double fieldsValue(Need n, Matcher.AnalysedStartup as) {
    if (n.innovationFields().isEmpty()) {
      return 1;
    }
    double credit = 0;
    for (InnovationField f : n.innovationFields()) {
      credit += fieldCredit(f, as);
    }
    return credit / n.innovationFields().size();
  }

  /** 1 for a declared field, 0.5 for one only revealed by concepts or related to a declared one. */
  private static double fieldCredit(InnovationField f, Matcher.AnalysedStartup as) {
    Set<InnovationField> declared = as.startup().innovationFields();
    if (declared.contains(f)) {
      return 1;
    }
    if (as.revealedFields().contains(f)) {
      return 0.5;
    }
    for (InnovationField related : Matcher.RELATED_FIELDS.getOrDefault(f, Set.of())) {
      if (declared.contains(related)) {
        return 0.5;
      }
    }
    return 0;
  }

  /**
   * The text component's value, computed from the startup's terms with the query's bound cached.
   */
  private double textValue(Matcher.AnalysedNeed an, Matcher.AnalysedStartup as) {
    Language language = as.startup().language();
    double best = stats.textBound(an)[language.ordinal()];
    if (best == 0) {
      return 0;
    }
    Map<String, Double> weighted = stats.weightedQuery(an, language);
    double norm = 1 - B + B * as.length() / stats.averageLength(Matcher.field(language));
    double score = 0;
    for (Map.Entry<String, Integer> t : as.termFreqs().entrySet()) {
      Double w = weighted.get(t.getKey());
      if (w != null) {
        int tf = t.getValue();
        score += w * tf / (tf + K1 * norm);
      }
    }
    return Math.sqrt(score / best);
  }

  /** The concepts component's value, without evidence. */
  private double conceptValue(Matcher.AnalysedNeed an, Matcher.AnalysedStartup as) {
    double total = 0;
    double credit = 0;
    for (String c : an.concepts().keySet()) {
      double weight = stats.conceptIdf(c) * an.conceptBoost().getOrDefault(c, 1.0);
      total += weight;
      if (as.concepts().containsKey(c)) {
        credit += weight;
      } else {
        for (String neighbour : thesaurus.neighbours(c)) {
          if (as.concepts().containsKey(neighbour)) {
            credit += 0.5 * weight;
            break;
          }
        }
      }
    }
    return total == 0 ? 0 : Math.sqrt(credit / total);
  }

  /**
   * BM25 of the need's query against the startup's text, in the startup's language (the need's own
   * words, or its concepts' terms in that language), divided by the query's best possible score, so
   * it lies in [0, 1] and does not depend on which other startups exist.
   */
  private Raw text(Matcher.AnalysedNeed an, Matcher.AnalysedStartup as) {
    Language language = as.startup().language();
    double best = stats.textBound(an)[language.ordinal()];
    double norm = 1 - B + B * as.length() / stats.averageLength(Matcher.field(language));
    double score = 0;
    Map<String, Double> contributions = new LinkedHashMap<>();
    for (Map.Entry<String, Double> q : stats.weightedQuery(an, language).entrySet()) {
      Integer tf = as.termFreqs().get(q.getKey());
      if (tf != null) {
        double c = q.getValue() * tf / (tf + K1 * norm);
        score += c;
        contributions.put(q.getKey(), c);
      }
    }
    List<String> ranked =
        contributions.entrySet().stream()
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .map(Map.Entry::getKey)
            .toList();
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("language", language.name().toLowerCase(java.util.Locale.ROOT));
    evidence.put("translated", language != an.need().language());
    evidence.put("terms", words(ranked, as));
    // the square root spreads the small values a long problem statement produces
    return new Raw(best == 0 ? 0 : Math.sqrt(score / best), evidence);
  }

  /**
   * The words the explanation names for the matched terms, weightiest first: each term as the
   * startup's text first writes it (the terms themselves are stems and fragments: "vehicl",
   * "batteri"), each word once (the parts of a compound all name the compound), at most {@link
   * #MAX_TERMS}; no stop word of any of the languages, neither the term nor its word.
   */
  private static List<String> words(List<String> ranked, Matcher.AnalysedStartup as) {
    if (ranked.isEmpty()) {
      return List.of();
    }
    String text = as.startup().text();
    List<String> words = new ArrayList<>(MAX_TERMS);
    for (String term : ranked) {
      if (StopWords.any(term)) {
        continue;
      }
      String word = as.termSpans().word(text, term);
      if (word == null) {
        word = term;
      } else if (!word.equals(term) && StopWords.any(word)) {
        continue;
      }
      if (!containsIgnoreCase(words, word)) {
        words.add(word);
        if (words.size() == MAX_TERMS) {
          break;
        }
      }
    }
    return List.copyOf(words);
  }

  private static boolean containsIgnoreCase(List<String> words, String word) {
    for (String w : words) {
      if (w.equalsIgnoreCase(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The need's concepts found in the startup's text, weighted by rarity (and by prominence in the
   * need); a broader or narrower concept counts half.
   */
  private Raw concepts(Matcher.AnalysedNeed an, Matcher.AnalysedStartup as) {
    if (an.concepts().isEmpty()) {
      return new Raw(0, Map.of("matched", List.of()));
    }
    double total = 0;
    double credit = 0;
    List<Map<String, Object>> matched = new ArrayList<>();
    for (String c : an.concepts().keySet()) {
      double weight = stats.conceptIdf(c) * an.conceptBoost().getOrDefault(c, 1.0);
      total += weight;
      if (as.concepts().containsKey(c)) {
        credit += weight;
        matched.add(conceptEvidence(c, c, an, as, "exact"));
      } else {
        for (String neighbour : thesaurus.neighbours(c)) {
          if (as.concepts().containsKey(neighbour)) {
            credit += 0.5 * weight;
            matched.add(conceptEvidence(c, neighbour, an, as, "related"));
            break;
          }
        }
      }
    }
    // the square root: a few of the need's concepts, found, already say much
    return new Raw(total == 0 ? 0 : Math.sqrt(credit / total), Map.of("matched", matched));
  }

  /**
   * One matched concept: its id and its labels in en / de / zh (the first term of each language),
   * how it matched, for a related match the startup's concept with its labels, and the terms found
   * on each side.
   */
  private Map<String, Object> conceptEvidence(
      String needConcept,
      String startupConcept,
      Matcher.AnalysedNeed an,
      Matcher.AnalysedStartup as,
      String how) {
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

  /** Within the need's TRL range: full credit; further above the minimum: still full. */
  private static Raw trl(Need n, Startup s) {
    boolean inRange = s.trl() >= n.minTrl() && (n.maxTrl() == null || s.trl() <= n.maxTrl());
    return new Raw(inRange ? 1 : 0, Map.of("trl", s.trl()));
  }

  private static Raw stage(Need n, Startup s) {
    boolean fits = n.fundingStages().isEmpty() || n.fundingStages().contains(s.fundingStage());
    return new Raw(fits ? 1 : 0, Map.of("fundingStage", String.valueOf(s.fundingStage())));
  }

  /** Allowed region, or — with no regions asked — China (the Shanghai base) first. */
  private static Raw geo(Need n, Startup s) {
    double value;
    if (!n.regions().isEmpty()) {
      value = n.regions().contains(s.country()) ? 1 : 0;
    } else {
      value = "CN".equals(s.country()) ? 1 : 0.6;
    }
    return new Raw(value, Map.of("country", String.valueOf(s.country())));
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
