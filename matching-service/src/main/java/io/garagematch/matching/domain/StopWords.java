package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.Language;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Stop words: function words that say nothing about what a need or a startup is about. English and
 * German use Lucene's sets (the ones their analyzers already drop before stemming); Chinese uses
 * {@link #CHINESE}.
 */
public final class StopWords {

  /**
   * Chinese function words: structural and aspect particles, prepositions, conjunctions,
   * demonstratives and personal pronouns. SmartChineseAnalyzer's own stop set holds punctuation
   * only, so without this list they reach the tokens, the query and the explanation.
   */
  static final Set<String> CHINESE =
      Set.of(
          "的", "了", "在", "和", "是", "与", "及", "或", "等", "对", "为", "把", "被", "从", "向", "以", "于", "而",
          "并", "也", "都", "就", "这", "那", "我们", "我", "你", "他", "她", "它");

  private static final CharArraySet ENGLISH = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  private static final CharArraySet GERMAN = GermanAnalyzer.getDefaultStopSet();

  private StopWords() {}

  /**
   * Whether {@code term} is a stop word in a text of {@code language}: one of that language's or of
   * English's (German and Chinese texts use English words freely).
   */
  public static boolean in(Language language, String term) {
    String t = term.toLowerCase(Locale.ROOT);
    return switch (language) {
      case EN -> ENGLISH.contains(t);
      case DE -> GERMAN.contains(t) || ENGLISH.contains(t);
      case ZH -> CHINESE.contains(t) || ENGLISH.contains(t);
    };
  }

  /** Whether {@code term} is a stop word of English, German or Chinese. */
  public static boolean any(String term) {
    String t = term.toLowerCase(Locale.ROOT);
    return ENGLISH.contains(t) || GERMAN.contains(t) || CHINESE.contains(t);
  }
}
