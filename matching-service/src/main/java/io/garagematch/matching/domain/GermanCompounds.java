package io.garagematch.matching.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;

/**
 * Splits German compounds into known words: "reifenabriebpartikel" into "reifen", "abrieb",
 * "partikel"; "klebnähte" into "kleb" (klebe) and "nähte". A part is a known word, or a verb or
 * noun stem of one (+e, +en, +n); between parts a linking "s" or "es" may stand. Of the ways to
 * split, the one with the fewest parts wins, then the one with the longest parts. Words are known
 * from {@link Dictionaries} (a general German word list and the German–English dictionary's words)
 * and the thesaurus' German word parts.
 */
final class GermanCompounds {

  /** A part as it stands in the compound, where, and the word it is a form of. */
  record Part(String surface, int offset, String word) {}

  /** Shorter words are not split: two parts need at least this many letters. */
  static final int MIN_COMPOUND = 8;

  private static final int MIN_PART = 4;
  private static final int MAX_PART = 24;
  private static final String[] STEM_ENDINGS = {"", "e", "en", "n"};

  /**
   * Not parts: suffixes that make words ("wissenschaft" is not "wissen" + "schaft", "ergebnisse"
   * not "ergeben" + "nisse", "fahrzeug" not "fahr" + "zeug") and function words ("unternehmen" is
   * not "unter" + "nehmen").
   */
  private static final Set<String> NOT_PARTS =
      Set.of(
          "schaft",
          "schaften",
          "nisse",
          "nissen",
          "heit",
          "heiten",
          "keit",
          "keiten",
          "ungen",
          "zeug",
          "zeuge",
          "lich",
          "liche",
          "haft",
          "hafte",
          "bare",
          "same");

  /** Words already seen, with their parts: most words recur, and a split costs many lookups. */
  private static final int CACHED = 100_000;

  private final Map<String, List<Part>> seen = new ConcurrentHashMap<>();
  private static final String[] LINKS = {"", "s", "es"};

  private final Predicate<String> known;

  GermanCompounds(Dictionaries dictionaries, Set<String> extraWords) {
    CharArraySet stopWords = GermanAnalyzer.getDefaultStopSet();
    this.known =
        w -> !stopWords.contains(w) && (extraWords.contains(w) || dictionaries.isGermanWord(w));
  }

  /**
   * The compound's parts (lower-case input), or an empty list if it is not one; a part that is a
   * compound itself is followed by its own parts ("reifenabrieb", "reifen", "abrieb", "partikel").
   */
  List<Part> split(String word) {
    List<Part> parts = seen.get(word);
    if (parts == null) {
      parts = splitAll(word);
      if (seen.size() >= CACHED) {
        seen.clear();
      }
      seen.put(word, parts);
    }
    return parts;
  }

  private List<Part> splitAll(String word) {
    List<Part> parts = new ArrayList<>();
    for (Part p : splitOnce(word)) {
      parts.add(p);
      for (Part inner : split(p.surface())) {
        parts.add(new Part(inner.surface(), p.offset() + inner.offset(), inner.word()));
      }
    }
    return List.copyOf(parts);
  }

  /** The best split of the word into two or more parts, or an empty list. */
  private List<Part> splitOnce(String word) {
    int n = word.length();
    if (n < MIN_COMPOUND || n > 3 * MAX_PART) {
      return List.of();
    }
    // count[i], weight[i]: the best split of word[i..]; partEnd[i], next[i], lemma[i]: its first
    // part
    int[] count = new int[n + 1];
    long[] weight = new long[n + 1];
    int[] partEnd = new int[n + 1];
    int[] next = new int[n + 1];
    String[] lemma = new String[n + 1];
    count[n] = 0;
    for (int i = n - 1; i >= 0; i--) {
      count[i] = Integer.MAX_VALUE;
      for (int end = i + MIN_PART; end <= Math.min(n, i + MAX_PART); end++) {
        String w = i == 0 && end == n ? null : lemma(word.substring(i, end));
        if (w == null) {
          continue;
        }
        for (String link : LINKS) {
          int after = end + link.length();
          if (after > n
              || (after < n && after + MIN_PART > n)
              || !word.startsWith(link, end)
              || (after == n && !link.isEmpty())
              || count[after] == Integer.MAX_VALUE) {
            continue;
          }
          int c = count[after] + 1;
          long wt = weight[after] + (long) (end - i) * (end - i);
          if (c < count[i] || (c == count[i] && wt > weight[i])) {
            count[i] = c;
            weight[i] = wt;
            partEnd[i] = end;
            next[i] = after;
            lemma[i] = w;
          }
        }
      }
    }
    if (count[0] == Integer.MAX_VALUE || count[0] < 2) {
      return List.of();
    }
    List<Part> parts = new ArrayList<>(count[0]);
    for (int i = 0; i < n; i = next[i]) {
      parts.add(new Part(word.substring(i, partEnd[i]), i, lemma[i]));
    }
    return parts;
  }

  /** The known word {@code part} is a form of, or null. */
  private String lemma(String part) {
    if (NOT_PARTS.contains(part)) {
      return null;
    }
    for (String ending : STEM_ENDINGS) {
      String w = part + ending;
      if (known.test(w)) {
        return w;
      }
    }
    return null;
  }
}
