package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * BM25 of the need's query against the startup's text, in the startup's language (the need's own
 * words, or its concepts' terms in that language), divided by the query's best possible score, so
 * it lies in [0, 1] and does not depend on which other startups exist. Evidence: {language,
 * translated, terms, viaDictionary}: the startup's words for the matched terms, and those of them
 * only a dictionary translation of the need's words brought ("translated via dictionary").
 */
final class TextScore implements ScoreComponent {

  /** Lucene's BM25 defaults. */
  private static final double K1 = 1.2;

  private static final double B = 0.75;

  /** The share of the query's best score that counts as a full text match is 1 / this. */
  private static final double REACHABLE = 10;

  /**
   * The same for a startup in another language than the need: a translated query (concept terms,
   * dictionary translations, several senses of each word) is met in a smaller share by a startup
   * that describes the same problem in its own words.
   */
  private static final double REACHABLE_TRANSLATED = 25;

  /** At most this many words in the evidence. */
  private static final int MAX_TERMS = 10;

  private final CorpusStats stats;

  TextScore(CorpusStats stats) {
    this.stats = stats;
  }

  @Override
  public double raw(AnalysedNeed an, AnalysedStartup as, Map<String, Object> evidence) {
    Language language = as.startup().language();
    double best = stats.textBound(an)[language.ordinal()];
    double norm = 1 - B + B * as.length() / stats.averageLength(SearchIndex.field(language));
    Map<String, Double> contributions = evidence == null ? null : new LinkedHashMap<>();
    double score = 0;
    for (Map.Entry<String, Double> q : stats.weightedQuery(an, language).entrySet()) {
      Integer tf = as.termFreqs().get(q.getKey());
      if (tf != null) {
        double c = q.getValue() * tf / (tf + K1 * norm);
        score += c;
        if (contributions != null) {
          contributions.put(q.getKey(), c);
        }
      }
    }
    if (evidence != null) {
      evidence.put("language", language.name().toLowerCase(Locale.ROOT));
      evidence.put("translated", language != an.need().language());
      List<String> ranked = weightiestFirst(contributions);
      evidence.put("terms", words(ranked, as));
      Set<String> viaDictionary = an.dictionaryTerms().getOrDefault(language, Set.of());
      evidence.put(
          "viaDictionary", words(ranked.stream().filter(viaDictionary::contains).toList(), as));
    }
    // the square root spreads the small values a long problem statement produces
    // a startup meets a tenth of a long query at best (a 25th of a translated one): that much
    // counts
    // fully; the square root spreads the small values a long problem statement produces
    double reach = language == an.need().language() ? REACHABLE : REACHABLE_TRANSLATED;
    return best == 0 ? 0 : Math.sqrt(Math.min(1, reach * score / best));
  }

  private static List<String> weightiestFirst(Map<String, Double> contributions) {
    return contributions.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The words the explanation names for the matched terms, weightiest first: each term as the
   * startup's text first writes it (the terms themselves are stems and fragments: "vehicl",
   * "batteri"), each word once (the parts of a compound all name the compound), at most {@link
   * #MAX_TERMS}; no stop word of any of the languages, neither the term nor its word.
   */
  private static List<String> words(List<String> ranked, AnalysedStartup as) {
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
}
