package io.garagematch.matching.domain;

import java.util.Map;

/**
 * Full credit for a startup within the need's TRL range ({@link HardFilter#MIN_TRL}, {@link
 * HardFilter#MAX_TRL}), none outside. Evidence: {trl}.
 */
final class TrlScore implements ScoreComponent {

  @Override
  public double raw(AnalysedNeed an, AnalysedStartup as, Map<String, Object> evidence) {
    Need n = an.need();
    Startup s = as.startup();
    if (evidence != null) {
      evidence.put("trl", s.trl());
    }
    return HardFilter.MIN_TRL.admits(n, s) && HardFilter.MAX_TRL.admits(n, s) ? 1 : 0;
  }
}
