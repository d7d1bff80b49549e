package io.garagematch.matching.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import io.garagematch.matching.domain.Need;
import io.garagematch.matching.domain.Startup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A judged data set: needs.json, startups.json and TREC qrels ({@code needId 0 startupId grade}),
 * in the format of the dev set's README.
 */
public record EvaluationSet(
    List<Need> needs, List<Startup> startups, Map<String, Map<String, Integer>> qrels) {

  public static EvaluationSet load(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Need> needs = new ArrayList<>();
    for (JsonNode n : json.readTree(dir.resolve("needs.json").toFile())) {
      needs.add(
          new Need(
              n.get("id").asText(),
              language(n),
              n.path("title").asText(""),
              n.path("problemStatement").asText(""),
              strings(n.path("keywords")),
              fields(n.path("innovationFields")),
              n.path("minTrl").asInt(1),
              n.hasNonNull("maxTrl") ? n.get("maxTrl").asInt() : null,
              stages(n.path("fundingStages")),
              new LinkedHashSet<>(strings(n.path("regions"))),
              null));
    }
    List<Startup> startups = new ArrayList<>();
    for (JsonNode s : json.readTree(dir.resolve("startups.json").toFile())) {
      startups.add(
          new Startup(
              s.get("id").asText(),
              language(s),
              s.path("name").asText(""),
              s.path("pitch").asText(""),
              s.path("description").asText(""),
              strings(s.path("technologies")),
              fields(s.path("innovationFields")),
              s.path("trl").asInt(1),
              FundingStage.valueOf(s.path("fundingStage").asText("SEED")),
              s.path("country").asText("")));
    }
    Map<String, Map<String, Integer>> qrels = new HashMap<>();
    for (String line : Files.readAllLines(dir.resolve("qrels.txt"))) {
      String[] p = line.trim().split("\\s+");
      if (p.length == 4) {
        qrels.computeIfAbsent(p[0], k -> new HashMap<>()).put(p[2], Integer.parseInt(p[3]));
      }
    }
    return new EvaluationSet(needs, startups, qrels);
  }

  private static Language language(JsonNode node) {
    return Language.valueOf(node.path("language").asText("en").toUpperCase(Locale.ROOT));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Set<InnovationField> fields(JsonNode array) {
    Set<InnovationField> out = new LinkedHashSet<>();
    array.forEach(v -> out.add(InnovationField.valueOf(v.asText())));
    return out;
  }

  private static Set<FundingStage> stages(JsonNode array) {
    Set<FundingStage> out = new LinkedHashSet<>();
    array.forEach(v -> out.add(FundingStage.valueOf(v.asText())));
    return out;
  }
}
