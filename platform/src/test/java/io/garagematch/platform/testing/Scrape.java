package io.garagematch.platform.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One read of a service's {@code /q/metrics}, as Prometheus scrapes it (text format 0.0.4). */
public final class Scrape {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})? (.+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern HELP = Pattern.compile("^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) ?(.*)$");

  /** A sample: its metric name, its labels and its value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final String text;
  private final List<Sample> samples = new ArrayList<>();
  private final Map<String, String> help = new LinkedHashMap<>();

  private Scrape(String text) {
    this.text = text;
    for (String line : text.split("\n")) {
      Matcher h = HELP.matcher(line);
      if (h.matches()) {
        help.put(h.group(1), h.group(2).trim());
        continue;
      }
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      Matcher s = SAMPLE.matcher(line);
      if (s.matches()) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (s.group(2) != null) {
          Matcher l = LABEL.matcher(s.group(2));
          while (l.find()) {
            labels.put(l.group(1), l.group(2));
          }
        }
        samples.add(new Sample(s.group(1), labels, number(s.group(3))));
      }
    }
  }

  private static double number(String value) {
    return switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value);
    };
  }

  /** Reads {@code /q/metrics} now (no token needed). */
  public static Scrape now() {
    return of(given().get("/q/metrics").then().statusCode(200).extract().asString());
  }

  public static Scrape of(String text) {
    return new Scrape(text);
  }

  public String text() {
    return text;
  }

  public List<Sample> samples() {
    return samples;
  }

  /**
   * The help text ({@code # HELP name text}; empty when there is none) of each metric family whose
   * name starts with {@code prefix}, by that name (a counter's without {@code _total}).
   */
  public Map<String, String> help(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    help.forEach(
        (name, text) -> {
          if (name.startsWith(prefix)) {
            out.put(name, text);
          }
        });
    return out;
  }

  /**
   * The value of the sample named {@code name} whose labels include {@code labels} (name, value,
   * name, value ...); 0 when there is none (a counter not incremented yet), the sum when several
   * match.
   */
  public double value(String name, String... labels) {
    double sum = 0;
    for (Sample s : samples) {
      if (s.name().equals(name) && has(s, labels)) {
        sum += s.value();
      }
    }
    return sum;
  }

  /** Whether there is a sample named {@code name} whose labels include {@code labels}. */
  public boolean has(String name, String... labels) {
    return samples.stream().anyMatch(s -> s.name().equals(name) && has(s, labels));
  }

  private static boolean has(Sample s, String... labels) {
    for (int i = 0; i + 1 < labels.length; i += 2) {
      if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
        return false;
      }
    }
    return true;
  }
}
