package io.garagematch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TextScoreTest {

  @RegisterExtension static final ScoringFixture fixture = new ScoringFixture();

  @Test
  void theNeedsOwnWordsInTheStartupsTextAreNamedAsTheStartupWritesThem() {
    ScoringFixture.Scored scored =
        score(Language.EN, "Sulfide electrolyte for battery cells", ScoringFixture.SOLID_STATE);

    assertThat(scored.raw()).isBetween(0.1, 1.0);
    assertThat(scored.evidence())
        .containsEntry("language", "en")
        .containsEntry("translated", false);
    assertThat(terms(scored))
        .containsExactlyInAnyOrder("sulfide", "electrolyte", "battery", "cells");
  }

  @Test
  void aNeedInAnotherLanguageMatchesThroughItsConceptsTerms() {
    ScoringFixture.Scored scored =
        score(Language.DE, "Festkörperbatterie", ScoringFixture.SOLID_STATE);

    assertThat(scored.raw()).isGreaterThan(0);
    assertThat(scored.evidence()).containsEntry("translated", true);
    assertThat(terms(scored)).contains("battery", "Solid");
  }

  @Test
  void noSharedWordScoresZeroAndNamesNone() {
    ScoringFixture.Scored scored = score(Language.EN, "Quantum annealing", ScoringFixture.FLEET);

    assertThat(scored.raw()).isZero();
    assertThat(terms(scored)).isEmpty();
  }

  @Test
  void everyPairOfTheCorpusScoresTheSameWithAndWithoutEvidence() {
    for (Startup need : ScoringFixture.CORPUS) {
      for (Startup startup : ScoringFixture.CORPUS) {
        ScoringFixture.Scored scored =
            score(
                ScoringFixture.need(need.language(), need.pitch(), Set.of(InnovationField.IOT)),
                startup);
        assertThat(scored.raw()).isBetween(0.0, 1.0);
        assertThat(terms(scored).isEmpty()).isEqualTo(scored.raw() == 0);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> terms(ScoringFixture.Scored scored) {
    return (List<String>) scored.evidence().get("terms");
  }

  private static ScoringFixture.Scored score(Language language, String title, Startup startup) {
    return score(ScoringFixture.need(language, title, Set.of()), startup);
  }

  private static ScoringFixture.Scored score(Need need, Startup startup) {
    return fixture.score(TextScore::new, need, startup);
  }
}
