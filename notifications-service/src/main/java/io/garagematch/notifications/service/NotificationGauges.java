package io.garagematch.notifications.service;

import io.agroal.api.AgroalDataSource;
import io.garagematch.notifications.domain.NotificationStatus;
import io.garagematch.platform.metrics.CountGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Gauges of the delivery queue: {@code garagematch_notifications_by_status{status}} for the
 * notifications not delivered yet — PENDING (waiting for their first attempt or their time), FAILED
 * (waiting for a retry), DEAD (attempts exhausted, waiting for a replay) — and {@code
 * garagematch_outbox_pending}, counted in the background ({@link CountGauges}). SENT ones are not
 * counted: they only grow; {@code garagematch_notifications_attempts_total} has them.
 */
@Startup
@ApplicationScoped
public class NotificationGauges {

  static final List<String> UNDELIVERED =
      List.of(
          NotificationStatus.PENDING.name(),
          NotificationStatus.FAILED.name(),
          NotificationStatus.DEAD.name());

  private final CountGauges gauges;

  public NotificationGauges(MeterRegistry registry, AgroalDataSource dataSource) {
    this.gauges =
        new CountGauges(registry, dataSource)
            .byState(
                "garagematch.notifications.by.status",
                "Notifications not delivered yet, by status",
                "status",
                UNDELIVERED,
                "select status, count(*) from notification"
                    + " where status in ('PENDING', 'FAILED', 'DEAD') group by status")
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
