package io.garagematch.matching.domain;

import java.util.Map;

/**
 * Full credit for a country among the need's regions ({@link HardFilter#REGIONS}), none for one
 * outside; with no regions asked, full credit for China (the Shanghai base) and some for the rest.
 * Evidence: {country}.
 */
final class GeoScore implements ScoreComponent {

  /** The country of the programme's base, preferred when a need asks for no region. */
  private static final String BASE_COUNTRY = "CN";

  /** The credit of any other country when a need asks for no region. */
  private static final double ELSEWHERE = 0.6;

  @Override
  public double raw(AnalysedNeed an, AnalysedStartup as, Map<String, Object> evidence) {
    Need n = an.need();
    Startup s = as.startup();
    if (evidence != null) {
      evidence.put("country", String.valueOf(s.country()));
    }
    if (HardFilter.REGIONS.applies(n)) {
      return HardFilter.REGIONS.passes(n, s) ? 1 : 0;
    }
    return BASE_COUNTRY.equals(s.country()) ? 1 : ELSEWHERE;
  }
}
