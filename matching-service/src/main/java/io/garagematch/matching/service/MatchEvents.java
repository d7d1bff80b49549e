package io.garagematch.matching.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.matching.domain.Decision;
import io.garagematch.matching.domain.Evidence;
import io.garagematch.matching.domain.Pilot;
import io.garagematch.matching.repository.MatchDecisionEntity;
import io.garagematch.matching.repository.MatchDecisionRepository;
import io.garagematch.matching.repository.MatchEntity;
import io.garagematch.matching.repository.NeedEntity;
import io.garagematch.matching.repository.StartupEntity;
import io.garagematch.platform.outbox.Outbox;
import io.garagematch.platform.outbox.OutboxMessage;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Writes a change of a match as its {@code match.*} event to the outbox, in the caller's
 * transaction (topic {@code match-events}, key: the need id, so that a need's matches stay in
 * order).
 */
@ApplicationScoped
public class MatchEvents {

  public static final String TOPIC = "match-events";

  private final Outbox outbox;
  private final ObjectMapper json;
  private final MeterRegistry metrics;
  private final MatchDecisionRepository decisions;
  private final DistributionSummary scores;
  private final MatcherHolder matcher;

  public MatchEvents(
      Outbox outbox,
      ObjectMapper json,
      MeterRegistry metrics,
      MatchDecisionRepository decisions,
      MatcherHolder matcher) {
    this.outbox = outbox;
    this.json = json;
    this.metrics = metrics;
    this.decisions = decisions;
    this.matcher = matcher;
    this.scores =
        DistributionSummary.builder("garagematch.match.score")
            .description("Scores of proposed and re-scored matches")
            .serviceLevelObjectives(0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
            .register(metrics);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void emit(
      MatchChange change,
      MatchEntity m,
      NeedEntity need,
      StartupEntity startup,
      MatchDecisionEntity decision) {
    metrics.counter("garagematch.matches", "change", change.shortName()).increment();
    if (change == MatchChange.PROPOSED || change == MatchChange.UPDATED) {
      scores.record(m.score);
    }
    try {
      outbox.append(
          OutboxMessage.of(
              TOPIC,
              m.needId.toString(),
              change.type(),
              m.id.toString(),
              json.writeValueAsString(data(m, need, startup, decision))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the event of match " + m.id, e);
    }
  }

  private MatchEventData data(
      MatchEntity m, NeedEntity need, StartupEntity startup, MatchDecisionEntity d) {
    return new MatchEventData(
        m.id,
        m.needId,
        m.applicationId,
        startup == null ? null : startup.partnerId,
        need.businessUnit,
        m.status.name(),
        m.version,
        m.score,
        m.weightsVersion,
        // a breakdown stored before labels existed goes out with them
        matcher.matcher() == null
            ? m.breakdown
            : Evidence.legible(m.breakdown, matcher.matcher().thesaurus()),
        m.hardChecks,
        new MatchEventData.NeedBrief(
            need.spec.title(), need.spec.language(), need.spec.innovationFields()),
        startup == null || startup.profile == null
            ? null // erased: nothing of the startup's identity goes out
            : new MatchEventData.StartupBrief(
                startup.profile.name(),
                startup.profile.language(),
                startup.profile.country(),
                startup.profile.pitch()),
        m.ownerExpertId,
        currentPilot(m),
        d == null ? null : DecisionView.of(d),
        m.createdAt,
        m.updatedAt);
  }

  /** The pilot in force on a match that has reached one; null before. */
  Pilot currentPilot(MatchEntity m) {
    return m.status.hasPilot()
        ? decisions
            .latestInForce(m.id, Decision.PILOT_STARTED)
            .map(p -> p.details == null ? null : p.details.pilot())
            .orElse(null)
        : null;
  }
}
