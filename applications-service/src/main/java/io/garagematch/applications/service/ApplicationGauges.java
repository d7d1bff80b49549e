package io.garagematch.applications.service;

import io.agroal.api.AgroalDataSource;
import io.garagematch.contracts.application.ApplicationStatus;
import io.garagematch.platform.metrics.CountGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/**
 * Gauges of the intake's state: {@code garagematch_applications_by_status{status}} and {@code
 * garagematch_outbox_pending}, counted in the background ({@link CountGauges}).
 */
@Startup
@ApplicationScoped
public class ApplicationGauges {

  private final CountGauges gauges;

  public ApplicationGauges(MeterRegistry registry, AgroalDataSource dataSource) {
    this.gauges =
        new CountGauges(registry, dataSource)
            .byState(
                "garagematch.applications.by.status",
                "Applications by status (erased ones included)",
                "status",
                Arrays.stream(ApplicationStatus.values()).map(Enum::name).toList(),
                "select status, count(*) from application group by status")
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
