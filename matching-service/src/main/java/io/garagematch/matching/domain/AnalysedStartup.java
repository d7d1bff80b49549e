package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.util.Map;
import java.util.Set;

/**
 * A startup's analysed text: term frequencies for BM25, where each term first occurs in {@link
 * Startup#text()} (for the explanation's words), the concepts found and the fields they reveal.
 */
record AnalysedStartup(
    Startup startup,
    Map<String, Integer> termFreqs,
    int length,
    TermSpans termSpans,
    Map<String, Set<String>> concepts,
    Set<InnovationField> revealedFields)
    implements SearchIndex.Entry {

  @Override
  public String id() {
    return startup.id();
  }

  @Override
  public Language language() {
    return startup.language();
  }

  @Override
  public String text() {
    return startup.text();
  }
}
