package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.Language;
import io.garagematch.matching.domain.MatchResult.ComponentScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What makes a match's evidence readable in every language: each concept named by its labels in
 * English, German and Chinese, and the text's terms without stop words.
 */
public final class Evidence {

  /** The languages of the labels, in the order they are written. */
  private static final List<Language> LABEL_LANGUAGES =
      List.of(Language.EN, Language.DE, Language.ZH);

  private Evidence() {}

  /**
   * The concept's first term in each language, {@code {"en": …, "de": …, "zh": …}}; a language the
   * concept has no term in is left out, an unknown concept has none.
   */
  public static Map<String, String> labels(Thesaurus thesaurus, String conceptId) {
    Map<String, String> labels = new LinkedHashMap<>();
    Thesaurus.Concept concept = thesaurus.concept(conceptId);
    if (concept != null) {
      for (Language l : LABEL_LANGUAGES) {
        List<String> terms = concept.terms().getOrDefault(l, List.of());
        if (!terms.isEmpty()) {
          labels.put(l.name().toLowerCase(Locale.ROOT), terms.get(0));
        }
      }
    }
    return labels;
  }

  /** The terms that are no stop word of English, German or Chinese, in their order. */
  public static List<String> withoutStopWords(List<?> terms) {
    return terms.stream().map(String::valueOf).filter(t -> !StopWords.any(t)).toList();
  }

  /**
   * A breakdown stored before its evidence carried labels, as it is explained now: labels added to
   * every concept entry without them, stop words taken out of the text's terms. Terms stored as
   * analysed (stems such as "batteri", before the evidence named the startup's words) stay as they
   * are: the breakdown holds no text to find the words in. Evidence that already has both comes
   * back unchanged; the given breakdown is never modified.
   */
  public static List<ComponentScore> legible(List<ComponentScore> breakdown, Thesaurus thesaurus) {
    if (breakdown == null || thesaurus == null) {
      return breakdown;
    }
    List<ComponentScore> out = new ArrayList<>(breakdown.size());
    for (ComponentScore c : breakdown) {
      Map<String, Object> evidence = c.evidence();
      if (evidence != null
          && "text".equals(c.component())
          && evidence.get("terms") instanceof List<?> terms) {
        Map<String, Object> e = new LinkedHashMap<>(evidence);
        e.put("terms", withoutStopWords(terms));
        evidence = e;
      } else if (evidence != null
          && "concepts".equals(c.component())
          && evidence.get("matched") instanceof List<?> matched) {
        Map<String, Object> e = new LinkedHashMap<>(evidence);
        e.put("matched", matched.stream().map(m -> labelled(m, thesaurus)).toList());
        evidence = e;
      }
      out.add(new ComponentScore(c.component(), c.raw(), c.weight(), c.contribution(), evidence));
    }
    return out;
  }

  /** One concept entry with its labels (and its startup concept's, for a related match). */
  private static Object labelled(Object entry, Thesaurus thesaurus) {
    if (!(entry instanceof Map<?, ?> m) || m.containsKey("labels")) {
      return entry;
    }
    Map<String, Object> e = new LinkedHashMap<>();
    m.forEach(
        (key, value) -> {
          e.put(String.valueOf(key), value);
          if ("concept".equals(key)) {
            e.put("labels", labels(thesaurus, String.valueOf(value)));
          } else if ("startupConcept".equals(key)) {
            e.put("startupConceptLabels", labels(thesaurus, String.valueOf(value)));
          }
        });
    return e;
  }
}
