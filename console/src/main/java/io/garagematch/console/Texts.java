package io.garagematch.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The console's words in English, German and Chinese ({@code texts/<lang>.properties}, UTF-8), and
 * the choice of language: the reader's own choice, else the browser's preference, else English.
 */
public final class Texts {

  /** The languages the console speaks, the first being the fallback. */
  public static final List<String> LANGUAGES = List.of("en", "de", "zh");

  private static final Map<String, Map<String, String>> BY_LANGUAGE = load();

  private Texts() {}

  /** The words of {@code language}; a key missing there falls back to English. */
  public static Map<String, String> of(String language) {
    return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get("en"));
  }

  /** The raw words of one language file, for checks of completeness. */
  static Map<String, String> file(String language) {
    return read(language);
  }

  /**
   * The language to speak: {@code chosen} (the reader's cookie) if it is one of ours, else the best
   * of ours in the Accept-Language header, else English.
   */
  public static String choose(String chosen, String acceptLanguage) {
    if (chosen != null && LANGUAGES.contains(chosen)) {
      return chosen;
    }
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
        String best = Locale.lookupTag(ranges, LANGUAGES);
        if (best != null) {
          return best;
        }
      } catch (IllegalArgumentException malformed) {
        // a malformed header is no preference
      }
    }
    return LANGUAGES.get(0);
  }

  private static Map<String, Map<String, String>> load() {
    Map<String, String> english = read("en");
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String language : LANGUAGES) {
      Map<String, String> words = new LinkedHashMap<>(english);
      words.putAll(read(language));
      words.put("lang", language);
      out.put(language, Map.copyOf(words));
    }
    return Map.copyOf(out);
  }

  private static Map<String, String> read(String language) {
    String resource = "texts/" + language + ".properties";
    try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> out = new LinkedHashMap<>();
      p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
