package io.garagematch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.garagematch.contracts.taxonomy.Language;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CorpusStatsTest {

  @RegisterExtension static final ScoringFixture fixture = new ScoringFixture();

  @Test
  void idfIsLucenesBm25Idf() {
    assertThat(CorpusStats.idf(4, 1)).isCloseTo(Math.log(1 + 3.5 / 1.5), within(1e-12));
    assertThat(CorpusStats.idf(4, 4)).isLessThan(CorpusStats.idf(4, 1));
  }

  @Test
  void aConceptOfOneStartupIsRarerThanOneOfNone() {
    fixture.withStats(
        stats -> {
          assertThat(stats.conceptIdf("lidar")).isEqualTo(CorpusStats.idf(4, 1));
          assertThat(stats.conceptIdf("no-such-concept")).isEqualTo(CorpusStats.idf(4, 0));
          return null;
        });
  }

  @Test
  void theTextBoundIsTheSumOfTheWeightedQuery() {
    AnalysedNeed need =
        fixture.analysed(ScoringFixture.need(Language.EN, "solid-state battery cells", Set.of()));

    fixture.withStats(
        stats -> {
          for (Language language : Language.values()) {
            double sum =
                stats.weightedQuery(need, language).values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            assertThat(stats.textBound(need)[language.ordinal()]).isCloseTo(sum, within(1e-9));
          }
          assertThat(stats.weightedQuery(need, Language.EN))
              .containsOnlyKeys("solid", "state", "batteri", "cell");
          return null;
        });
  }
}
