package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The curated trilingual thesaurus: concepts with their terms in zh / en / de and broader links.
 * The format is described in {@code thesaurus/README.md}; a concept defined in two files is merged
 * (terms, fields and links unite).
 */
public final class Thesaurus {

  /** One concept: a language-neutral id, its fields, broader concepts and terms per language. */
  public record Concept(
      String id,
      Set<InnovationField> fields,
      Set<String> broader,
      Map<Language, List<String>> terms) {}

  private final Map<String, Concept> concepts;
  private final Map<String, Set<String>> neighbours;

  private Thesaurus(Map<String, Concept> concepts) {
    this.concepts = Map.copyOf(concepts);
    Map<String, Set<String>> down = new LinkedHashMap<>();
    concepts
        .values()
        .forEach(
            c ->
                c.broader()
                    .forEach(b -> down.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(c.id())));
    Map<String, Set<String>> both = new java.util.HashMap<>();
    for (Concept c : concepts.values()) {
      Set<String> n = new LinkedHashSet<>(c.broader());
      n.addAll(down.getOrDefault(c.id(), Set.of()));
      both.put(c.id(), Set.copyOf(n));
    }
    this.neighbours = both;
  }

  public Collection<Concept> concepts() {
    return concepts.values();
  }

  public Concept concept(String id) {
    return concepts.get(id);
  }

  public int size() {
    return concepts.size();
  }

  /** Whether one concept is directly broader or narrower than the other. */
  public boolean related(String a, String b) {
    Concept ca = concepts.get(a);
    Concept cb = concepts.get(b);
    return ca != null && cb != null && (ca.broader().contains(b) || cb.broader().contains(a));
  }

  /** The concepts one link away: broader and narrower. */
  public Set<String> neighbours(String id) {
    return neighbours.getOrDefault(id, Set.of());
  }

  /**
   * The thesaurus shipped with the service ({@code thesaurus/<field>.txt} on the class path, one
   * file per innovation field) plus every {@code *.txt} in {@code extraDir}, if given.
   */
  public static Thesaurus load(java.nio.file.Path extraDir) throws IOException {
    Map<String, Reader> files = new LinkedHashMap<>();
    ClassLoader loader = Thesaurus.class.getClassLoader();
    for (InnovationField f : InnovationField.values()) {
      String name =
          "thesaurus/" + f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".txt";
      java.io.InputStream in = loader.getResourceAsStream(name);
      if (in != null) {
        files.put(name, new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    if (extraDir != null) {
      try (var paths = java.nio.file.Files.list(extraDir)) {
        for (java.nio.file.Path p :
            paths.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
          files.put(p.toString(), java.nio.file.Files.newBufferedReader(p));
        }
      }
    }
    try {
      return parse(files);
    } finally {
      for (Reader r : files.values()) {
        r.close();
      }
    }
  }

  /** Reads thesaurus files; throws on a line it cannot read, naming file and line. */
  public static Thesaurus parse(Map<String, Reader> files) throws IOException {
    Map<String, Builder> builders = new LinkedHashMap<>();
    for (Map.Entry<String, Reader> file : files.entrySet()) {
      parse(file.getKey(), file.getValue(), builders);
    }
    Map<String, Concept> concepts = new LinkedHashMap<>();
    builders.forEach((id, b) -> concepts.put(id, b.build(builders.keySet())));
    return new Thesaurus(concepts);
  }

  private static void parse(String name, Reader reader, Map<String, Builder> builders)
      throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    Builder current = null;
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        current = null;
        continue;
      }
      if (trimmed.startsWith("#")) {
        continue;
      }
      if (line.startsWith("concept ")) {
        String id = line.substring("concept ".length()).strip();
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
          throw new IOException(name + ":" + number + ": not a concept id: " + id);
        }
        current = builders.computeIfAbsent(id, Builder::new);
        continue;
      }
      int space = trimmed.indexOf(' ');
      if (current == null || space < 0 || !line.startsWith("  ")) {
        throw new IOException(name + ":" + number + ": cannot read: " + line);
      }
      String key = trimmed.substring(0, space);
      String value = trimmed.substring(space + 1);
      switch (key) {
        case "fields" -> {
          for (String f : value.split(",")) {
            current.fields.add(InnovationField.valueOf(f.strip()));
          }
        }
        case "broader" -> {
          for (String b : value.split(",")) {
            current.broader.add(b.strip());
          }
        }
        case "en", "de", "zh" -> {
          Language language = Language.valueOf(key.toUpperCase(java.util.Locale.ROOT));
          for (String t : value.split("\\|")) {
            if (!t.isBlank()) {
              current.terms.computeIfAbsent(language, l -> new ArrayList<>()).add(t.strip());
            }
          }
        }
        default -> throw new IOException(name + ":" + number + ": unknown key " + key);
      }
    }
  }

  private static final class Builder {
    final String id;
    final Set<InnovationField> fields = EnumSet.noneOf(InnovationField.class);
    final Set<String> broader = new LinkedHashSet<>();
    final Map<Language, List<String>> terms = new EnumMap<>(Language.class);

    Builder(String id) {
      this.id = id;
    }

    Concept build(Set<String> known) {
      Set<String> links = new LinkedHashSet<>(broader);
      links.remove(id);
      for (String link : links) {
        if (!known.contains(link)) {
          throw new IllegalArgumentException(
              "concept " + id + ": broader " + link + " is not defined");
        }
      }
      if (fields.isEmpty() || terms.size() < Language.values().length) {
        throw new IllegalArgumentException(
            "concept " + id + ": needs fields and terms in zh, en and de");
      }
      Map<Language, List<String>> copy = new EnumMap<>(Language.class);
      terms.forEach((l, t) -> copy.put(l, List.copyOf(new LinkedHashSet<>(t))));
      return new Concept(id, Set.copyOf(fields), Set.copyOf(links), Map.copyOf(copy));
    }
  }
}
