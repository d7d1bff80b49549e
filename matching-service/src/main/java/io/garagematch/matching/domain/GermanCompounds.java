package io.garagematch.matching.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Splits German compounds into known words: "reifenabriebpartikel" into "reifen", "abrieb",
 * "partikel"; "klebnähte" into "kleb" (kleben) and "nähte". A part is a known word, or a verb or
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
  private static final String[] LINKS = {"", "s", "es"};

  private final Predicate<String> known;

  GermanCompounds(Dictionaries dictionaries, Set<String> extraWords) {
    this.known = w -> extraWords.contains(w) || dictionaries.isGermanWord(w);
  }

  /**
   * The compound's parts (lower-case input), or an empty list if it is not one; a part that is a
   * compound itself is followed by its own parts ("reifenabrieb", "reifen", "abrieb", "partikel").
   */
  List<Part> split(String word) {
    List<Part> parts = new ArrayList<>();
    for (Part p : splitOnce(word)) {
      parts.add(p);
      for (Part inner : split(p.surface())) {
        parts.add(new Part(inner.surface(), p.offset() + inner.offset(), inner.word()));
      }
    }
    return parts;
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
    for (String ending : STEM_ENDINGS) {
      String w = part + ending;
      if (known.test(w)) {
        return w;
      }
    }
    return null;
  }
}
