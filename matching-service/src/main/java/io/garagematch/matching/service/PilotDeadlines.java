package io.garagematch.matching.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Looks for running pilots whose go/no-go date has passed (in UTC) without an outcome, and has each
 * announced once ({@link MatchService#announceOverduePilots}); skipped while a run is still going.
 */
@ApplicationScoped
public class PilotDeadlines {

  static final int BATCH = 200;

  private final MatchService matches;

  public PilotDeadlines(MatchService matches) {
    this.matches = matches;
  }

  @Scheduled(
      every = "${garagematch.pilot.overdue-check-every}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void check() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    while (matches.announceOverduePilots(today, BATCH) == BATCH) {
      // another batch
    }
  }
}
