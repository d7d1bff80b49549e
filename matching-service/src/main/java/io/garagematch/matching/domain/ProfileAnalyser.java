package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Analyses startups and needs once, for the index and for scoring: a startup's terms, their spans
 * and its concepts; a need's weighted query terms in every language and its concepts.
 */
final class ProfileAnalyser {

  /** A dictionary translation weighs this share of the word it translates: below a concept's. */
  static final double DICTIONARY_WEIGHT = 0.5;

  private final Thesaurus thesaurus;
  private final Dictionaries dictionaries;
  private final TextAnalysis analysis;
  private final ConceptTagger tagger;

  ProfileAnalyser(Thesaurus thesaurus, Dictionaries dictionaries, TextAnalysis analysis) {
    this.thesaurus = thesaurus;
    this.dictionaries = dictionaries;
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
   * The need's query: its own words in its language (keywords weigh most, then the title); in the
   * other languages its concepts' terms (a concept named in the title or a keyword weighs 1.5) and
   * its words' dictionary translations ({@link #DICTIONARY_WEIGHT} of the word's weight; terms the
   * concepts do not bring are listed in {@code dictionaryTerms}).
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
    Map<String, Double> words = words(n);
    Map<Language, Map<String, Double>> query = new EnumMap<>(Language.class);
    Map<Language, Set<String>> dictionaryTerms = new EnumMap<>(Language.class);
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
      Set<String> fromDictionary = new LinkedHashSet<>();
      words.forEach(
          (word, weight) -> {
            for (String t : dictionaries.translate(n.language(), other, word)) {
              for (String token : analysis.indexTokens(other, t)) {
                if (StopWords.in(other, token)) {
                  continue;
                }
                if (!translated.containsKey(token)) {
                  fromDictionary.add(token);
                }
                if (fromDictionary.contains(token)) {
                  translated.merge(token, DICTIONARY_WEIGHT * weight, Math::max);
                }
              }
            }
          });
      query.put(other, translated);
      dictionaryTerms.put(other, Set.copyOf(fromDictionary));
    }
    return new AnalysedNeed(n, query, concepts, boost, dictionaryTerms);
  }

  /**
   * The need's words a dictionary looks up, each with the weight of where it stands (keywords 2,
   * title 1.5, problem statement 1): each word, each pair of neighbouring words ("brake dust", "刹车"
   * + "片"), and a German compound's words.
   */
  private Map<String, Double> words(Need n) {
    Map<String, Double> words = new LinkedHashMap<>();
    addWords(words, n.language(), n.problemStatement(), 1.0);
    addWords(words, n.language(), n.title(), 1.5);
    for (String k : n.keywords()) {
      addWords(words, n.language(), k, 2.0);
    }
    return words;
  }

  private void addWords(Map<String, Double> words, Language language, String text, double weight) {
    List<String> found = analysis.words(language, text);
    String joint = language == Language.ZH ? "" : " ";
    for (int i = 0; i < found.size(); i++) {
      String w = found.get(i);
      if (i > 0) {
        words.merge(found.get(i - 1) + joint + w, weight, Math::max);
      }
      if (StopWords.in(language, w.toLowerCase(Locale.ROOT))) {
        continue;
      }
      words.merge(w, weight, Math::max);
      if (language == Language.DE
          && dictionaries.translate(Language.DE, Language.EN, w).isEmpty()) {
        // a compound the dictionary lacks, by its parts, as nouns: most are
        // ("Reifen|abrieb|partikel")
        analysis
            .compoundWords(w)
            .forEach(part -> words.merge(Dictionaries.capitalised(part), weight, Math::max));
      }
    }
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
