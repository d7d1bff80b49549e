package io.garagematch.matching.domain;

import java.util.Map;

/**
 * Full credit for a funding stage the need accepts ({@link HardFilter#FUNDING_STAGES}; a need that
 * names none accepts all), none otherwise. Evidence: {fundingStage}.
 */
final class StageScore implements ScoreComponent {

  @Override
  public double raw(AnalysedNeed an, AnalysedStartup as, Map<String, Object> evidence) {
    Startup s = as.startup();
    if (evidence != null) {
      evidence.put("fundingStage", String.valueOf(s.fundingStage()));
    }
    return HardFilter.FUNDING_STAGES.admits(an.need(), s) ? 1 : 0;
  }
}
