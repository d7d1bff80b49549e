package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.Language;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A need's analysed text: weighted query terms per language (its own words in its language, its
 * concepts' terms and its words' dictionary translations in the others; no stop words, {@link
 * StopWords}), the terms only a dictionary brought, and its concepts with their weight. {@code
 * weightedQuery} holds what {@link CorpusStats} derives from the query.
 */
record AnalysedNeed(
    Need need,
    Map<Language, Map<String, Double>> queryTerms,
    Map<String, Set<String>> concepts,
    Map<String, Double> conceptBoost,
    Map<Language, Set<String>> dictionaryTerms,
    CorpusStats.WeightedQuery weightedQuery)
    implements SearchIndex.Entry {

  AnalysedNeed(
      Need need,
      Map<Language, Map<String, Double>> queryTerms,
      Map<String, Set<String>> concepts,
      Map<String, Double> conceptBoost,
      Map<Language, Set<String>> dictionaryTerms) {
    this(
        need, queryTerms, concepts, conceptBoost, dictionaryTerms, new CorpusStats.WeightedQuery());
  }

  /** The text the matcher reads of a need: title, problem statement, keywords. */
  static String text(Need n) {
    return String.join(
        "\n",
        n.title(),
        n.problemStatement() == null ? "" : n.problemStatement(),
        String.join("; ", n.keywords()));
  }

  @Override
  public String id() {
    return need.id();
  }

  @Override
  public Language language() {
    return need.language();
  }

  @Override
  public String text() {
    return text(need);
  }

  /** Its query's terms in the other languages: its concepts' terms and dictionary translations. */
  @Override
  public Map<Language, Set<String>> translatedTerms() {
    Map<Language, Set<String>> terms = new EnumMap<>(Language.class);
    queryTerms.forEach(
        (language, weighted) -> {
          if (language != need.language()) {
            terms.put(language, weighted.keySet());
          }
        });
    return terms;
  }
}
