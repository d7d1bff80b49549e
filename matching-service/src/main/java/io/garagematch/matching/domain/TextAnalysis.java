package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Lucene analysis per language: English (stemming), German (normalisation, light stemming and, for
 * the text index, compound splitting into known words, {@link GermanCompounds}), Chinese
 * (SmartChinese word segmentation).
 */
public final class TextAnalysis implements AutoCloseable {

  private final Map<Language, Analyzer> plain = new EnumMap<>(Language.class);
  private final Analyzer germanDecompounding;
  private final Analyzer words;
  private final Analyzer germanWords;
  private final GermanCompounds compounds;

  /**
   * @param dictionaries the German words compounds are split into
   * @param germanWordParts lower-case words German compounds are split into besides the
   *     dictionaries' (e.g. "batterie", "management"), usually the words of the thesaurus' German
   *     terms
   */
  public TextAnalysis(Dictionaries dictionaries, Set<String> germanWordParts) {
    plain.put(Language.EN, new EnglishAnalyzer());
    plain.put(Language.DE, new GermanAnalyzer());
    plain.put(Language.ZH, new SmartChineseAnalyzer());
    compounds = new GermanCompounds(dictionaries, germanWordParts);
    words =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
          }
        };
    germanWords =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new StandardTokenizer());
          }
        };
    germanDecompounding =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new GermanCompoundFilter(stream, compounds);
            stream = new StopFilter(stream, GermanAnalyzer.getDefaultStopSet());
            stream = new GermanNormalizationFilter(stream);
            stream = new GermanLightStemFilter(stream);
            return new TokenStreamComponents(source, stream);
          }
        };
  }

  /** Tokens for matching terms: no compound splitting, so positions follow the words. */
  public List<String> tokens(Language language, String text) {
    return run(plain.get(language), text);
  }

  /**
   * The text's words, unstemmed, as a dictionary looks them up: English lower case, German as
   * written (its capitals mark nouns), Chinese its segmented words.
   */
  public List<String> words(Language language, String text) {
    return switch (language) {
      case EN -> run(words, text);
      case DE -> run(germanWords, text);
      case ZH -> run(plain.get(Language.ZH), text);
    };
  }

  /** The words a German compound is made of (lower case), or an empty list if it is not one. */
  public List<String> compoundWords(String germanWord) {
    return compounds.split(germanWord.toLowerCase(Locale.GERMAN)).stream()
        .map(GermanCompounds.Part::word)
        .toList();
  }

  /** Tokens for the text index and BM25: German compounds also yield their parts. */
  public List<String> indexTokens(Language language, String text) {
    return run(language == Language.DE ? germanDecompounding : plain.get(language), text);
  }

  /**
   * The tokens {@link #indexTokens} yields, with the span of the text each came from (Lucene's
   * token offsets): {@code tokens.get(i)} from {@code starts[i]} to {@code ends[i]}.
   */
  public record Spans(List<String> tokens, int[] starts, int[] ends) {}

  /** {@link #indexTokens} with the span of the text each token came from, in one pass. */
  public Spans indexSpans(Language language, String text) {
    List<String> tokens = new ArrayList<>();
    int[] starts = new int[16];
    int[] ends = new int[16];
    if (text == null || text.isBlank()) {
      return new Spans(tokens, new int[0], new int[0]);
    }
    try (TokenStream stream = indexAnalyzer(language).tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int i = tokens.size();
        if (i == starts.length) {
          starts = Arrays.copyOf(starts, 2 * i);
          ends = Arrays.copyOf(ends, 2 * i);
        }
        tokens.add(term.toString());
        starts[i] = offset.startOffset();
        ends[i] = offset.endOffset();
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Spans(tokens, starts, ends);
  }

  /** The analyzer the text index uses for {@code language}. */
  public Analyzer indexAnalyzer(Language language) {
    return language == Language.DE ? germanDecompounding : plain.get(language);
  }

  private static List<String> run(Analyzer analyzer, String text) {
    List<String> tokens = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return tokens;
    }
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  @Override
  public void close() {
    plain.values().forEach(Analyzer::close);
    germanDecompounding.close();
    words.close();
    germanWords.close();
  }
}
