package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.util.List;
import java.util.Set;

/** An active startup as the matcher sees it. */
public record Startup(
    String id,
    Language language,
    String name,
    String pitch,
    String description,
    List<String> technologies,
    Set<InnovationField> innovationFields,
    int trl,
    FundingStage fundingStage,
    String country) {

  public Startup {
    technologies = technologies == null ? List.of() : List.copyOf(technologies);
    innovationFields = innovationFields == null ? Set.of() : Set.copyOf(innovationFields);
  }

  /** The text the matcher reads: name, pitch, technologies, description. */
  public String text() {
    return String.join(
        "\n",
        name == null ? "" : name,
        pitch == null ? "" : pitch,
        String.join("; ", technologies),
        description == null ? "" : description);
  }
}
