package io.garagematch.console;

import io.quarkus.qute.TemplateExtension;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How the pages write numbers, dates, lists and words looked up by a code. */
@TemplateExtension(namespace = "fmt")
public final class Format {

  private Format() {}

  /** A score in [0, 1] as a whole percentage. */
  static String pct(Object value) {
    if (!(value instanceof Number n)) {
      return "–";
    }
    return Math.round(n.doubleValue() * 100) + " %";
  }

  /** An ISO instant or date as {@code yyyy-MM-dd HH:mm} (UTC) or {@code yyyy-MM-dd}. */
  static String date(Object value) {
    if (value == null) {
      return "–";
    }
    String s = value.toString();
    return s.length() >= 16 && s.charAt(10) == 'T'
        ? s.substring(0, 10) + " " + s.substring(11, 16)
        : s;
  }

  /** A list's elements joined by commas. */
  static String join(Object value) {
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return value == null ? "" : value.toString();
  }

  /**
   * A code's word in the reader's language ({@code prefix_code} in the texts), or the code itself
   * when the texts have none.
   */
  static String word(Map<String, String> texts, String prefix, Object code) {
    if (code == null) {
      return "";
    }
    String word = texts.get(prefix + "_" + code);
    return word == null ? code.toString() : word;
  }

  /**
   * A concept's label in the reader's language from the labels the matcher sends, else English,
   * else its id.
   */
  static String label(Object labels, String language, Object id) {
    if (labels instanceof Map<?, ?> m) {
      Object l = m.get(language);
      if (l == null) {
        l = m.get("en");
      }
      if (l != null) {
        return l.toString();
      }
    }
    return id == null ? "" : id.toString();
  }

  /** A web address to link to: only http and https (never javascript: or data:). */
  static String web(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString();
    return s.startsWith("https://") || s.startsWith("http://") ? s : null;
  }

  /** A score in [0, 1] as a whole number of percent, for a form's input; empty for none. */
  static String percent(Object value) {
    return value instanceof Number n ? String.valueOf(Math.round(n.doubleValue() * 100)) : "";
  }

  /** The funding stages a startup can be in. */
  static List<String> stages() {
    return List.of("PRE_SEED", "SEED", "SERIES_A", "SERIES_B", "SERIES_C_PLUS", "GROWTH");
  }

  /** The languages of needs and startups. */
  static List<String> languages() {
    return Texts.LANGUAGES;
  }

  /** The reason codes of a rejection or a NO_GO. */
  static List<String> reasons() {
    return List.of(
        "NOT_RELEVANT",
        "TECHNOLOGY_NOT_MATURE",
        "TOO_EXPENSIVE",
        "ALREADY_HAVE_SUPPLIER",
        "COMPLIANCE_CONCERNS",
        "STARTUP_DECLINED",
        "CRITERIA_NOT_MET",
        "OTHER");
  }
}
