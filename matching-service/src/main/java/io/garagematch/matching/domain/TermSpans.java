package io.garagematch.matching.domain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each index term of a text first came from: the span of the first word of the text whose
 * analysis yields the term, as Lucene's token offsets give it ("vehicles" for "vehicl",
 * "Fahrzeugbatterie" for "batteri" and "fahrzeug": a compound's parts carry the compound's offsets,
 * "BMS" for "bm"). An explanation names the words, not the stems.
 *
 * <p>Every analysed startup keeps one, so it is small: its terms (the instances its term
 * frequencies hold as keys), sorted, and one int each for the span — 8 bytes a term and 48 for the
 * object and its arrays. The words are cut out of the text only when an explanation asks for them.
 */
final class TermSpans {

  private static final String[] NO_TERMS = {};
  private static final int[] NO_SPANS = {};

  /**
   * Bits of a span for the word's length (StandardTokenizer cuts words at 255 characters); the rest
   * holds the start, up to 2,097,151. A word beyond either is not kept: its term is named.
   */
  private static final int LENGTH_BITS = 10;

  private static final int MAX_LENGTH = (1 << LENGTH_BITS) - 1;
  private static final int MAX_START = (1 << (31 - LENGTH_BITS)) - 1;

  /** A span that does not fit. */
  private static final int NO_SPAN = -1;

  /** The distinct terms, sorted. */
  private final String[] terms;

  /**
   * For the term at i its first word's span: the start offset shifted by {@link #LENGTH_BITS}, and
   * the length; or {@link #NO_SPAN}.
   */
  private final int[] spans;

  private TermSpans(String[] terms, int[] spans) {
    this.terms = terms;
    this.spans = spans;
  }

  /**
   * The spans of a text's tokens, token i from {@code starts[i]} to {@code ends[i]} in the text;
   * each term keeps its first.
   */
  static TermSpans of(List<String> tokens, int[] starts, int[] ends) {
    if (tokens.isEmpty()) {
      return new TermSpans(NO_TERMS, NO_SPANS);
    }
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      first.putIfAbsent(tokens.get(i), i);
    }
    String[] terms = first.keySet().toArray(NO_TERMS);
    Arrays.sort(terms);
    int[] spans = new int[terms.length];
    for (int t = 0; t < terms.length; t++) {
      int i = first.get(terms[t]);
      spans[t] = span(starts[i], ends[i]);
    }
    return new TermSpans(terms, spans);
  }

  private static int span(int start, int end) {
    int length = end - start;
    return start < 0 || start > MAX_START || length <= 0 || length > MAX_LENGTH
        ? NO_SPAN
        : start << LENGTH_BITS | length;
  }

  /** How many terms. */
  int size() {
    return terms.length;
  }

  /**
   * The word of {@code text} (the text these spans were taken from) that {@code term} first came
   * from, as written there, without an English possessive "'s" the analysis dropped; null for a
   * term the text does not yield.
   */
  String word(String text, String term) {
    int t = Arrays.binarySearch(terms, term);
    if (t < 0) {
      return null;
    }
    int span = spans[t];
    if (span == NO_SPAN) {
      return null;
    }
    int start = span >>> LENGTH_BITS;
    int end = start + (span & MAX_LENGTH);
    if (end > text.length()) {
      return null;
    }
    int last = end - 1;
    if (end - start >= 3
        && (text.charAt(last) == 's' || text.charAt(last) == 'S')
        && isApostrophe(text.charAt(last - 1))
        && term.indexOf('\'') < 0
        && term.indexOf('\u2019') < 0) {
      end -= 2;
    }
    return text.substring(start, end);
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\uFF07';
  }
}
