package io.garagematch.matching.service;

import io.agroal.api.AgroalDataSource;
import io.garagematch.matching.domain.MatchStatus;
import io.garagematch.matching.domain.NeedStatus;
import io.garagematch.platform.metrics.CountGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/**
 * Gauges of matching's state: {@code garagematch_needs_by_status{status}} (OPEN: needs still
 * looking for startups), {@code garagematch_matches_by_status{status}} and {@code
 * garagematch_outbox_pending}, counted in the background ({@link CountGauges}).
 */
@Startup
@ApplicationScoped
public class MatchingGauges {

  private final CountGauges gauges;

  public MatchingGauges(MeterRegistry registry, AgroalDataSource dataSource) {
    this.gauges =
        new CountGauges(registry, dataSource)
            .byState(
                "garagematch.needs.by.status",
                "Needs by status",
                "status",
                Arrays.stream(NeedStatus.values()).map(Enum::name).toList(),
                "select status, count(*) from need group by status")
            .byState(
                "garagematch.matches.by.status",
                "Matches by status",
                "status",
                Arrays.stream(MatchStatus.values()).map(Enum::name).toList(),
                "select status, count(*) from match group by status")
            .outboxPending();
  }

  @Scheduled(
      every = "${garagematch.metrics.gauges.refresh-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  public void refresh() {
    gauges.refresh();
  }
}
