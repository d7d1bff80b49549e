package io.garagematch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.matching.domain.MatchResult.HardCheck;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HardFilterTest {

  static Stream<Arguments> checksSayWhy() {
    return Stream.of(
        Arguments.of(
            ScoringFixture.need(6, null, null, null),
            ScoringFixture.startup(4, FundingStage.SEED, "CN"),
            List.of(new HardCheck("minTrl", false, "TRL 4 < 6"))),
        Arguments.of(
            ScoringFixture.need(4, 7, null, null),
            ScoringFixture.startup(7, FundingStage.SEED, "CN"),
            List.of(
                new HardCheck("minTrl", true, "TRL 7 ≥ 4"),
                new HardCheck("maxTrl", true, "TRL 7 ≤ 7"))),
        Arguments.of(
            ScoringFixture.need(4, 7, null, null),
            ScoringFixture.startup(8, FundingStage.SEED, "CN"),
            List.of(
                new HardCheck("minTrl", true, "TRL 8 ≥ 4"),
                new HardCheck("maxTrl", false, "TRL 8 > 7"))),
        Arguments.of(
            ScoringFixture.need(1, null, Set.of(FundingStage.SERIES_A, FundingStage.SEED), null),
            ScoringFixture.startup(5, FundingStage.SERIES_B, "CN"),
            List.of(
                new HardCheck("minTrl", true, "TRL 5 ≥ 1"),
                new HardCheck("fundingStages", false, "SERIES_B is not one of [SEED, SERIES_A]"))),
        Arguments.of(
            ScoringFixture.need(1, null, null, Set.of("CN", "DE")),
            ScoringFixture.startup(5, FundingStage.SEED, "DE"),
            List.of(
                new HardCheck("minTrl", true, "TRL 5 ≥ 1"),
                new HardCheck("regions", true, "DE is one of [CN, DE]"))));
  }

  @ParameterizedTest
  @MethodSource
  void checksSayWhy(Need need, Startup startup, List<HardCheck> checks) {
    assertThat(HardFilter.checks(need, startup)).isEqualTo(checks);
  }

  @Test
  void aStartupIsRankedExactlyWhenEveryCheckPasses() {
    for (int minTrl = 1; minTrl <= 9; minTrl += 4) {
      for (Integer maxTrl : new Integer[] {null, 5}) {
        for (Set<FundingStage> stages :
            List.of(Set.<FundingStage>of(), Set.of(FundingStage.SEED))) {
          for (Set<String> regions : List.of(Set.<String>of(), Set.of("CN"))) {
            Need need = ScoringFixture.need(minTrl, maxTrl, stages, regions);
            for (int trl = 1; trl <= 9; trl += 2) {
              for (FundingStage stage : FundingStage.values()) {
                for (String country : new String[] {"CN", "DE"}) {
                  Startup startup = ScoringFixture.startup(trl, stage, country);
                  assertThat(HardFilter.admitsAll(need, startup))
                      .as("%s / %s", need, startup)
                      .isEqualTo(
                          HardFilter.checks(need, startup).stream().allMatch(HardCheck::passed));
                }
              }
            }
          }
        }
      }
    }
  }
}
