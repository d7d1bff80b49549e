package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.Language;
import java.util.Map;
import java.util.Set;

/**
 * A need's analysed text: weighted query terms per language (its own words in its language, its
 * concepts' terms in the others; no stop words, {@link StopWords}) and its concepts with their
 * weight. {@code weightedQuery} holds what {@link CorpusStats} derives from the query.
 */
record AnalysedNeed(
    Need need,
    Map<Language, Map<String, Double>> queryTerms,
    Map<String, Set<String>> concepts,
    Map<String, Double> conceptBoost,
    CorpusStats.WeightedQuery weightedQuery)
    implements SearchIndex.Entry {

  AnalysedNeed(
      Need need,
      Map<Language, Map<String, Double>> queryTerms,
      Map<String, Set<String>> concepts,
      Map<String, Double> conceptBoost) {
    this(need, queryTerms, concepts, conceptBoost, new CorpusStats.WeightedQuery());
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
}
