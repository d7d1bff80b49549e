package io.garagematch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.garagematch.contracts.taxonomy.FundingStage;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The components that score the need's requirements: TRL, funding stage, location. */
class RequirementScoresTest {

  @RegisterExtension static final ScoringFixture fixture = new ScoringFixture();

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "6, -, 6, 1",
        "6, -, 9, 1",
        "6, -, 5, 0",
        "4, 7, 7, 1",
        "4, 7, 8, 0",
        "4, 7, 3, 0",
      })
  void trlWithinTheRangeScoresOne(int minTrl, Integer maxTrl, int trl, double raw) {
    ScoringFixture.Scored scored =
        score(
            new TrlScore(),
            ScoringFixture.need(minTrl, maxTrl, null, null),
            ScoringFixture.startup(trl, FundingStage.SEED, "CN"));

    assertThat(scored.raw()).isEqualTo(raw);
    assertThat(scored.evidence()).isEqualTo(Map.of("trl", trl));
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {"-, SEED, 1", "SEED, SEED, 1", "SEED, SERIES_A, 0", "-, -, 1"})
  void aFundingStageTheNeedAcceptsScoresOne(FundingStage accepted, FundingStage stage, double raw) {
    ScoringFixture.Scored scored =
        score(
            new StageScore(),
            ScoringFixture.need(1, null, accepted == null ? null : Set.of(accepted), null),
            ScoringFixture.startup(6, stage, "CN"));

    assertThat(scored.raw()).isEqualTo(raw);
    assertThat(scored.evidence()).isEqualTo(Map.of("fundingStage", String.valueOf(stage)));
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {"-, CN, 1", "-, DE, 0.6", "-, -, 0.6", "DE, DE, 1", "DE, CN, 0"})
  void aCountryAmongTheRegionsOrElseChinaScoresOne(String region, String country, double raw) {
    ScoringFixture.Scored scored =
        score(
            new GeoScore(),
            ScoringFixture.need(1, null, null, region == null ? null : Set.of(region)),
            ScoringFixture.startup(6, FundingStage.SEED, country));

    assertThat(scored.raw()).isEqualTo(raw);
    assertThat(scored.evidence()).isEqualTo(Map.of("country", String.valueOf(country)));
  }

  private static ScoringFixture.Scored score(ScoreComponent component, Need need, Startup startup) {
    return fixture.score(stats -> component, need, startup);
  }
}
