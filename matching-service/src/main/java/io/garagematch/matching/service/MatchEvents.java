package io.garagematch.matching.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.contracts.events.Event;
import io.garagematch.contracts.events.EventType;
import io.garagematch.contracts.match.MatchContract;
import io.garagematch.contracts.match.MatchData;
import io.garagematch.matching.domain.Decision;
import io.garagematch.matching.domain.Evidence;
import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.Pilot;
import io.garagematch.matching.repository.MatchDecisionEntity;
import io.garagematch.matching.repository.MatchDecisionRepository;
import io.garagematch.matching.repository.MatchEntity;
import io.garagematch.matching.repository.NeedEntity;
import io.garagematch.matching.repository.StartupEntity;
import io.garagematch.platform.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Writes a change of a match as its {@code match.*} event to the outbox, in the caller's
 * transaction (topic {@code match-events}, key: the need id, so that a need's matches stay in
 * order).
 */
@ApplicationScoped
public class MatchEvents {

  private final Outbox outbox;
  private final ObjectMapper json;
  private final MeterRegistry metrics;
  private final MatchDecisionRepository decisions;
  private final MatchScores scores;
  private final MatcherHolder matcher;

  public MatchEvents(
      Outbox outbox,
      ObjectMapper json,
      MeterRegistry metrics,
      MatchDecisionRepository decisions,
      MatcherHolder matcher,
      MatchScores scores) {
    this.outbox = outbox;
    this.json = json;
    this.metrics = metrics;
    this.decisions = decisions;
    this.matcher = matcher;
    this.scores = scores;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void emit(
      EventType<MatchData> kind,
      MatchEntity m,
      NeedEntity need,
      StartupEntity startup,
      MatchDecisionEntity decision) {
    Counter.builder("garagematch.matches")
        .description("Match events written, by change")
        .tag("change", kind.change())
        .register(metrics)
        .increment();
    if (kind == MatchContract.PROPOSED || kind == MatchContract.UPDATED) {
      scores.record(m.score);
    }
    outbox.append(
        new Event<>(kind, m.needId.toString(), m.id.toString(), data(m, need, startup, decision)));
  }

  private MatchData data(
      MatchEntity m, NeedEntity need, StartupEntity startup, MatchDecisionEntity d) {
    // a breakdown stored before labels existed goes out with them
    List<MatchResult.ComponentScore> breakdown =
        matcher.matcher() == null
            ? m.breakdown
            : Evidence.legible(m.breakdown, matcher.matcher().thesaurus());
    return new MatchData(
        m.id,
        m.needId,
        m.applicationId,
        startup == null ? null : startup.partnerId,
        need.businessUnit,
        m.status.name(),
        m.version,
        m.score,
        m.weightsVersion,
        breakdown.stream()
            .map(
                c ->
                    new MatchData.Component(
                        c.component(), c.raw(), c.weight(), c.contribution(), c.evidence()))
            .toList(),
        m.hardChecks.stream()
            .map(h -> new MatchData.HardCheck(h.rule(), h.passed(), h.detail()))
            .toList(),
        new MatchData.NeedBrief(
            need.spec.title(), need.spec.language(), need.spec.innovationFields()),
        startup == null || startup.profile == null
            ? null // erased: nothing of the startup's identity goes out
            : new MatchData.StartupBrief(
                startup.profile.name(),
                startup.profile.language(),
                startup.profile.country(),
                startup.profile.pitch()),
        m.ownerExpertId,
        json.convertValue(currentPilot(m), MatchData.Pilot.class),
        d == null ? null : json.convertValue(DecisionView.of(d), MatchData.Decision.class),
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
