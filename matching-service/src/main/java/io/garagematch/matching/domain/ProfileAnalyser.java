package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Analyses startups and needs once, for the index and for scoring: a startup's terms, their spans
 * and its concepts; a need's weighted query terms in every language and its concepts.
 */
final class ProfileAnalyser {

  private final Thesaurus thesaurus;
  private final TextAnalysis analysis;
  private final ConceptTagger tagger;

  ProfileAnalyser(Thesaurus thesaurus, TextAnalysis analysis) {
    this.thesaurus = thesaurus;
    this.analysis = analysis;
    this.tagger = new ConceptTagger(thesaurus, analysis);
  }

  AnalysedStartup startup(Startup s) {
    String text = s.text();
    TextAnalysis.Spans spans = analysis.indexSpans(s.language(), text);
    List<String> tokens = spans.tokens();
    Map<String, Integer> tf = new HashMap<>();
    tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
    TermSpans termSpans = TermSpans.of(tokens, spans.starts(), spans.ends());
    Map<String, Set<String>> concepts = tagger.tag(s.language(), text);
    Set<InnovationField> revealed = EnumSet.noneOf(InnovationField.class);
    concepts.keySet().forEach(c -> revealed.addAll(thesaurus.concept(c).fields()));
    return new AnalysedStartup(s, tf, tokens.size(), termSpans, concepts, revealed);
  }

  /**
   * The need's query: its own words in its language (keywords weigh most, then the title), its
   * concepts' terms in the other languages; a concept named in the title or a keyword weighs 1.5.
   */
  AnalysedNeed need(Need n) {
    Map<String, Double> own = new LinkedHashMap<>();
    addTerms(own, n.language(), analysis.indexTokens(n.language(), n.title()), 1.5);
    addTerms(own, n.language(), analysis.indexTokens(n.language(), n.problemStatement()), 1.0);
    for (String k : n.keywords()) {
      addTerms(own, n.language(), analysis.indexTokens(n.language(), k), 2.0);
    }
    Map<String, Set<String>> concepts = tagger.tag(n.language(), AnalysedNeed.text(n));
    Set<String> prominent = new LinkedHashSet<>(tagger.tag(n.language(), n.title()).keySet());
    for (String k : n.keywords()) {
      prominent.addAll(tagger.tag(n.language(), k).keySet());
    }
    Map<String, Double> boost = new LinkedHashMap<>();
    concepts.keySet().forEach(c -> boost.put(c, prominent.contains(c) ? 1.5 : 1.0));
    Map<Language, Map<String, Double>> query = new EnumMap<>(Language.class);
    query.put(n.language(), own);
    for (Language other : Language.values()) {
      if (other == n.language()) {
        continue;
      }
      Map<String, Double> translated = new LinkedHashMap<>();
      for (String c : concepts.keySet()) {
        for (String term : thesaurus.concept(c).terms().getOrDefault(other, List.of())) {
          addTerms(translated, other, analysis.indexTokens(other, term), boost.get(c));
        }
      }
      query.put(other, translated);
    }
    return new AnalysedNeed(n, query, concepts, boost);
  }

  /** Adds the tokens of a text in {@code language} to the query, leaving out its stop words. */
  private static void addTerms(
      Map<String, Double> terms, Language language, List<String> tokens, double weight) {
    for (String t : tokens) {
      if (StopWords.in(language, t)) {
        continue;
      }
      terms.merge(t, weight, (a, b) -> Math.min(3.0, Math.max(a, b) + 0.5 * Math.min(a, b)));
    }
  }
}
