package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.Language;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the thesaurus' concepts in a text. English and German terms are matched as sequences of
 * analysed (stemmed) tokens, so "batteries" finds "battery"; Chinese terms are matched as written,
 * character by character. German and Chinese texts are also searched for English terms, which both
 * use freely (Lidar, OTA, machine learning). An acronym (two to six capitals or digits: "BI", "AD",
 * "RFID") is found only as written (or with a plural "s": "ECUs"), a word of its own: stemmed and
 * lower-cased it would be a common word ("bis" → "bi", "ad").
 */
public final class ConceptTagger {

  /** A trie over tokens (English, German) or characters (Chinese). */
  private static final class Node {
    final Map<String, Node> next = new HashMap<>();
    final Map<String, String> concepts = new LinkedHashMap<>(); // concept id -> term as written
  }

  private final TextAnalysis analysis;
  private final Map<Language, Node> tokenTries = new HashMap<>();
  private final Node chineseTrie = new Node();
  private final Map<String, Map<String, String>> acronyms = new HashMap<>();

  public ConceptTagger(Thesaurus thesaurus, TextAnalysis analysis) {
    this.analysis = analysis;
    tokenTries.put(Language.EN, new Node());
    tokenTries.put(Language.DE, new Node());
    for (Thesaurus.Concept c : thesaurus.concepts()) {
      for (Language language : List.of(Language.EN, Language.DE)) {
        for (String term : c.terms().getOrDefault(language, List.of())) {
          if (ACRONYM.matcher(term).matches()) {
            acronyms.computeIfAbsent(term, k -> new LinkedHashMap<>()).putIfAbsent(c.id(), term);
            continue;
          }
          List<String> tokens = analysis.tokens(language, term);
          if (!tokens.isEmpty()) {
            add(tokenTries.get(language), tokens, c.id(), term);
          }
        }
      }
      for (String term : c.terms().getOrDefault(Language.ZH, List.of())) {
        String lower = term.toLowerCase(Locale.ROOT);
        add(chineseTrie, lower.codePoints().mapToObj(Character::toString).toList(), c.id(), term);
      }
    }
  }

  private static final Pattern ACRONYM = Pattern.compile("(?=.*[A-Z])[A-Z0-9]{2,6}");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z0-9]+");

  private static void add(Node root, List<String> path, String conceptId, String term) {
    Node node = root;
    for (String step : path) {
      node = node.next.computeIfAbsent(step, k -> new Node());
    }
    node.concepts.putIfAbsent(conceptId, term);
  }

  /** The concepts found in {@code text}, each with the terms that matched. */
  public Map<String, Set<String>> tag(Language language, String text) {
    Map<String, Set<String>> found = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return found;
    }
    for (java.util.regex.Matcher word = LATIN_WORD.matcher(text); word.find(); ) {
      String w = word.group();
      Map<String, String> concepts = acronyms.get(w);
      if (concepts == null && w.length() > 2 && w.endsWith("s")) {
        concepts = acronyms.get(w.substring(0, w.length() - 1)); // a plural: "ECUs", "EVs"
      }
      if (concepts != null) {
        concepts.forEach(
            (concept, term) ->
                found.computeIfAbsent(concept, k -> new LinkedHashSet<>()).add(term));
      }
    }
    switch (language) {
      case EN -> walkTokens(Language.EN, text, found);
      case DE -> {
        walkTokens(Language.DE, text, found);
        walkTokens(Language.EN, text, found);
      }
      case ZH -> {
        walkChinese(text.toLowerCase(Locale.ROOT), found);
        walkTokens(Language.EN, text, found);
      }
    }
    return found;
  }

  private void walkTokens(Language language, String text, Map<String, Set<String>> found) {
    List<String> tokens = analysis.tokens(language, text);
    Node root = tokenTries.get(language);
    for (int start = 0; start < tokens.size(); start++) {
      Node node = root;
      for (int i = start; i < tokens.size(); i++) {
        node = node.next.get(tokens.get(i));
        if (node == null) {
          break;
        }
        collect(node, found);
      }
    }
  }

  private void walkChinese(String text, Map<String, Set<String>> found) {
    int[] chars = text.codePoints().toArray();
    for (int start = 0; start < chars.length; start++) {
      if (isLatin(chars[start]) && start > 0 && isLatin(chars[start - 1])) {
        continue; // a Latin term starts at a word boundary
      }
      Node node = chineseTrie;
      for (int i = start; i < chars.length; i++) {
        node = node.next.get(Character.toString(chars[i]));
        if (node == null) {
          break;
        }
        boolean endsWord = !isLatin(chars[i]) || i + 1 == chars.length || !isLatin(chars[i + 1]);
        if (endsWord) {
          collect(node, found);
        }
      }
    }
  }

  private static boolean isLatin(int codePoint) {
    return codePoint < 0x250 && Character.isLetterOrDigit(codePoint);
  }

  private static void collect(Node node, Map<String, Set<String>> found) {
    node.concepts.forEach(
        (concept, term) -> found.computeIfAbsent(concept, k -> new LinkedHashSet<>()).add(term));
  }

  /** All German word parts of the thesaurus, for compound splitting. */
  public static Set<String> germanWordParts(Thesaurus thesaurus) {
    Set<String> parts = new LinkedHashSet<>();
    for (Thesaurus.Concept c : thesaurus.concepts()) {
      for (String term : c.terms().getOrDefault(Language.DE, List.of())) {
        for (String word : term.toLowerCase(Locale.GERMAN).split("[^\\p{L}]+")) {
          if (word.length() >= 4) {
            parts.add(word);
          }
        }
      }
    }
    return new LinkedHashSet<>(new ArrayList<>(parts));
  }
}
