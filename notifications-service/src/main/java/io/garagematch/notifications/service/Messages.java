package io.garagematch.notifications.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The words of the e-mails that are not in the templates: subjects and the top reasons. */
final class Messages {

  private Messages() {}

  static String proposedSubject(Language l, String needTitle, String startupName, String score) {
    return switch (l) {
      case EN -> "New match for “" + needTitle + "”: " + startupName + " (score " + score + ")";
      case DE -> "Neuer Treffer für „" + needTitle + "“: " + startupName + " (Score " + score + ")";
      case ZH -> "新匹配：“" + needTitle + "” —— " + startupName + "（匹配度 " + score + "）";
    };
  }

  static String digestSubject(Language l, int count) {
    return switch (l) {
      case EN ->
          "GarageMatch daily digest: " + count + (count == 1 ? " new match" : " new matches");
      case DE ->
          "GarageMatch-Tageszusammenfassung: "
              + count
              + (count == 1 ? " neuer Treffer" : " neue Treffer");
      case ZH -> "GarageMatch 每日摘要：" + count + " 个新匹配";
    };
  }

  static String score(double score) {
    return String.format(Locale.ROOT, "%.2f", score);
  }

  /**
   * Up to three reasons, the components that contributed most first: shared concepts, matching
   * terms, innovation fields; in the expert's language.
   */
  static List<String> reasons(JsonNode data, Language l) {
    List<JsonNode> components = new ArrayList<>();
    data.path("breakdown").forEach(components::add);
    components.sort(
        Comparator.comparingDouble((JsonNode c) -> c.path("contribution").asDouble()).reversed());
    List<String> reasons = new ArrayList<>();
    for (JsonNode c : components) {
      JsonNode evidence = c.path("evidence");
      String reason =
          switch (c.path("component").asText()) {
            case "concepts" -> list(l, CONCEPTS, concepts(data, evidence.path("matched"), l));
            case "text" -> list(l, TERMS, terms(evidence.path("terms")));
            case "fields" -> list(l, FIELDS, fields(evidence.path("matched"), l));
            default -> null;
          };
      if (reason != null && reasons.size() < 3) {
        reasons.add(reason);
      }
    }
    return reasons;
  }

  private static final Map<Language, String> CONCEPTS =
      Map.of(
          Language.EN,
          "Concepts in common: ",
          Language.DE,
          "Gemeinsame Konzepte: ",
          Language.ZH,
          "共同概念：");
  private static final Map<Language, String> TERMS =
      Map.of(
          Language.EN,
          "Matching terms: ",
          Language.DE,
          "Übereinstimmende Begriffe: ",
          Language.ZH,
          "匹配词语：");
  private static final Map<Language, String> FIELDS =
      Map.of(
          Language.EN,
          "Innovation fields: ",
          Language.DE,
          "Innovationsfelder: ",
          Language.ZH,
          "创新领域：");

  private static String list(Language l, Map<Language, String> label, List<String> items) {
    if (items.isEmpty()) {
      return null;
    }
    String separator = l == Language.ZH ? "、" : ", ";
    return label.get(l) + String.join(separator, items.subList(0, Math.min(5, items.size())));
  }

  /** The matching terms without stop words (an event written before they were left out). */
  private static List<String> terms(JsonNode array) {
    return texts(array, null).stream()
        .filter(t -> !STOP_WORDS.contains(t.toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** Stop words of English, German and Chinese ({@code stop-words.txt}). */
  static final Set<String> STOP_WORDS = stopWords();

  private static Set<String> stopWords() {
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream("stop-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("stop-words.txt is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.startsWith("#"))
          .flatMap(line -> Arrays.stream(line.trim().split("\\s+")))
          .filter(w -> !w.isEmpty())
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(n -> field == null ? n.asText() : n.path(field).asText())
        .filter(s -> !s.isBlank())
        .toList();
  }

  /**
   * Each matched concept in the reader's words: its label in the reader's language; for an event
   * without one, the need's or the startup's term when one of them is in the reader's language;
   * else its English label, else the concept id.
   */
  private static List<String> concepts(JsonNode data, JsonNode matched, Language l) {
    String code = l.name().toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (JsonNode m : matched) {
      JsonNode labels = m.path("labels");
      String term = labels.path(code).asText("");
      if (term.isBlank()) {
        if (code.equals(data.path("need").path("language").asText())
            && m.path("needTerms").size() > 0) {
          term = m.path("needTerms").get(0).asText();
        } else if (code.equals(data.path("startup").path("language").asText())
            && m.path("startupTerms").size() > 0) {
          term = m.path("startupTerms").get(0).asText();
        } else {
          term = labels.path("en").asText(m.path("concept").asText());
        }
      }
      if (!term.isBlank() && !out.contains(term)) {
        out.add(term);
      }
    }
    return out;
  }

  private static List<String> fields(JsonNode array, Language l) {
    return texts(array, null).stream()
        .map(
            name -> {
              try {
                return InnovationField.valueOf(name).label(l);
              } catch (IllegalArgumentException e) {
                return name;
              }
            })
        .toList();
  }
}
