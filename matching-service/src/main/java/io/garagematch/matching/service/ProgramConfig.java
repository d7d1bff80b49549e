package io.garagematch.matching.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.util.Map;

/**
 * The programme: its start, how many years it runs, and its targets by KPI name (a KPI without one
 * has no target). {@code garagematch.program.targets.startupsServed=300} and so on.
 */
@ConfigMapping(prefix = "garagematch.program")
public interface ProgramConfig {

  @WithDefault("2026-01-01")
  LocalDate start();

  @WithDefault("3")
  int years();

  Map<String, Long> targets();

  default Long target(String kpi) {
    return targets().get(kpi);
  }
}
