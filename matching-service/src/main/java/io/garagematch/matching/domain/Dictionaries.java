package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Open bilingual dictionaries that carry a need's words into the other two languages where the
 * thesaurus has no concept: Chinese–English from CC-CEDICT, German–English from Ding (their
 * licences: {@code dictionaries/README.md}). German–Chinese goes through English. They also give
 * the German words compounds are split into ({@link GermanCompounds}).
 *
 * <p>Replaceable data: the four word lists {@code zh-en, en-zh, de-en, en-de} ({@code .tsv.gz},
 * {@link WordList}'s format) ship in the jar and may be replaced by a directory holding them.
 */
public final class Dictionaries {

  /** The translations of one word a need's query takes, best first. */
  static final int TRANSLATIONS = 3;

  /** Through English, fewer: each step adds noise. */
  static final int PIVOT_TRANSLATIONS = 2;

  private static final String[] LISTS = {"zh-en", "en-zh", "de-en", "en-de"};
  private static final String GERMAN_WORDS = "/de/danielnaber/jwordsplitter/all-words.txt";

  private static volatile Dictionaries shipped;

  private final WordList zhEn;
  private final WordList enZh;
  private final WordList deEn;
  private final WordList enDe;
  private final Set<String> germanWords;

  private Dictionaries(List<WordList> lists, Set<String> germanWords) {
    this.zhEn = lists.get(0);
    this.enZh = lists.get(1);
    this.deEn = lists.get(2);
    this.enDe = lists.get(3);
    this.germanWords = germanWords;
  }

  /** The dictionaries in the jar, read once per process (about 25 MB of heap). */
  public static Dictionaries shipped() {
    Dictionaries d = shipped;
    if (d == null) {
      synchronized (Dictionaries.class) {
        d = shipped;
        if (d == null) {
          d = shipped = load(null);
        }
      }
    }
    return d;
  }

  /** The dictionaries in {@code dir} (each list it lacks from the jar), or all from the jar. */
  public static Dictionaries load(Path dir) {
    try {
      List<WordList> lists = new ArrayList<>();
      for (String name : LISTS) {
        String file = name + ".tsv.gz";
        Path replaced = dir == null ? null : dir.resolve(file);
        try (InputStream in =
            replaced != null && Files.exists(replaced)
                ? Files.newInputStream(replaced)
                : Dictionaries.class.getResourceAsStream("/dictionaries/" + file)) {
          if (in == null) {
            throw new IllegalStateException("dictionary " + file + " is missing from the jar");
          }
          lists.add(WordList.read(file, new GZIPInputStream(in, 1 << 16)));
        }
      }
      return new Dictionaries(lists, germanWords());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The general German word list of jwordsplitter (lower case, one word a line). */
  private static Set<String> germanWords() throws IOException {
    try (InputStream in = Dictionaries.class.getResourceAsStream(GERMAN_WORDS)) {
      if (in == null) {
        throw new IllegalStateException("jwordsplitter's word list is missing: " + GERMAN_WORDS);
      }
      Set<String> words = new LinkedHashSet<>();
      for (String w :
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (!w.isBlank()) {
          words.add(w.strip().toLowerCase(Locale.GERMAN));
        }
      }
      return Set.copyOf(words);
    }
  }

  /** Whether {@code word} (lower case) is a German word either list knows, as noun or not. */
  boolean isGermanWord(String word) {
    return germanWords.contains(word) || deEn.contains(word) || deEn.contains(capitalised(word));
  }

  /**
   * The word's (lower case) translations from {@code from} into {@code to}, best first: at most
   * {@link #TRANSLATIONS}, or {@link #PIVOT_TRANSLATIONS} between German and Chinese (through
   * English). An English word the list lacks is tried without its plural ending; a German word (as
   * written: the capital tells the noun "Reifen", tyre, from the verb "reifen", to ripen) the list
   * lacks, in the other case.
   */
  List<String> translate(Language from, Language to, String word) {
    if (from == to) {
      return List.of();
    }
    if (from != Language.EN && to != Language.EN) {
      Set<String> out = new LinkedHashSet<>();
      for (String en : first(translate(from, Language.EN, word), PIVOT_TRANSLATIONS)) {
        out.addAll(first(translate(Language.EN, to, en), 1));
      }
      return first(List.copyOf(out), PIVOT_TRANSLATIONS);
    }
    WordList list =
        switch (from) {
          case ZH -> zhEn;
          case DE -> deEn;
          case EN -> to == Language.ZH ? enZh : enDe;
        };
    List<String> found = list.get(word);
    if (found.isEmpty() && from == Language.EN) {
      found = list.get(singular(word));
    }
    if (found.isEmpty() && from == Language.DE) {
      String lower = word.toLowerCase(Locale.GERMAN);
      found = list.get(lower.equals(word) ? capitalised(word) : lower);
    }
    return first(found, TRANSLATIONS);
  }

  /** The word with a capital first letter: how German writes nouns. */
  static String capitalised(String word) {
    return word.isEmpty()
        ? word
        : word.substring(0, 1).toUpperCase(Locale.GERMAN) + word.substring(1);
  }

  private static String singular(String word) {
    if (word.endsWith("ies") && word.length() > 4) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private static List<String> first(List<String> all, int n) {
    return all.size() <= n ? all : all.subList(0, n);
  }
}
