package io.garagematch.matching.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.matching.domain.Decision;
import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.MatchStatus;
import io.garagematch.matching.domain.RejectionReason;
import io.garagematch.matching.repository.MatchDecisionEntity;
import io.garagematch.matching.repository.MatchDecisionRepository;
import io.garagematch.matching.repository.MatchEntity;
import io.garagematch.matching.repository.MatchRepository;
import io.garagematch.matching.repository.NeedEntity;
import io.garagematch.matching.repository.NeedRepository;
import io.garagematch.matching.repository.StartupEntity;
import io.garagematch.matching.repository.StartupRepository;
import io.garagematch.platform.outbox.Outbox;
import io.garagematch.platform.outbox.OutboxMessage;
import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.problem.ProblemException;
import io.garagematch.platform.security.Caller;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The match lifecycle: a pair that crosses its need's threshold is proposed, a changed score is an
 * update, a startup withdrawn or a need closed withdraws its open matches, a decision moves the
 * match on. Each step is an event on {@code match-events} (key: the need id), through the outbox.
 */
@ApplicationScoped
public class MatchService {

  public static final String TOPIC = "match-events";

  /**
   * Matches still open to review: withdrawn with their startup or need. Decided ones keep their
   * history.
   */
  static final Set<MatchStatus> OPEN = EnumSet.of(MatchStatus.PROPOSED, MatchStatus.SHORTLISTED);

  private final MatchRepository matches;
  private final MatchDecisionRepository decisions;
  private final NeedRepository needs;
  private final StartupRepository startups;
  private final Outbox outbox;
  private final ObjectMapper json;
  private final MeterRegistry metrics;
  private final UnitAccess access;

  public MatchService(
      MatchRepository matches,
      MatchDecisionRepository decisions,
      NeedRepository needs,
      StartupRepository startups,
      Outbox outbox,
      ObjectMapper json,
      MeterRegistry metrics,
      UnitAccess access) {
    this.access = access;
    this.metrics = metrics;
    this.matches = matches;
    this.decisions = decisions;
    this.needs = needs;
    this.startups = startups;
    this.outbox = outbox;
    this.json = json;
  }

  /** Applies a fresh score of one pair; runs in the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void apply(NeedEntity need, StartupEntity startup, MatchResult result) {
    boolean crosses = result.passed() && result.score() >= need.spec.matchThreshold();
    Optional<MatchEntity> existing = matches.find(need.id, startup.id);
    Instant now = now();
    if (existing.isEmpty()) {
      if (crosses) {
        MatchEntity m = new MatchEntity();
        m.id = UUID.randomUUID();
        m.needId = need.id;
        m.applicationId = startup.id;
        m.status = MatchStatus.PROPOSED;
        m.createdAt = now;
        write(m, result, now);
        matches.persist(m);
        emit("proposed", m, need, startup, null);
      }
      return;
    }
    MatchEntity m = existing.get();
    if (m.status == MatchStatus.WITHDRAWN) {
      if (crosses) {
        m.status = MatchStatus.PROPOSED;
        write(m, result, now);
        emit("proposed", m, need, startup, null);
      }
    } else if (Math.abs(m.score - result.score()) >= 0.0001
        || !m.weightsVersion.equals(result.weightsVersion())) {
      write(m, result, now);
      emit("updated", m, need, startup, null);
    }
  }

  /** Withdraws the open matches of a startup that left the programme. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void withdrawAll(StartupEntity startup) {
    for (MatchEntity m : matches.ofApplication(startup.id)) {
      if (OPEN.contains(m.status)) {
        withdraw(m, needs.findById(m.needId), startup);
      }
    }
  }

  /** Withdraws the open matches of a closed need. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void withdrawAll(NeedEntity need) {
    for (MatchEntity m : matches.ofNeed(need.id)) {
      if (OPEN.contains(m.status)) {
        withdraw(m, need, startups.findById(m.applicationId));
      }
    }
  }

  private void withdraw(MatchEntity m, NeedEntity need, StartupEntity startup) {
    m.status = MatchStatus.WITHDRAWN;
    m.updatedAt = now();
    emit("withdrawn", m, need, startup, null);
  }

  /**
   * Records a decision on a match of a need of a unit the caller acts for ({@link UnitAccess}; else
   * not found, and nothing is emitted); REJECTED needs a reason code; a withdrawn match takes none.
   */
  @Transactional
  public MatchEntity decide(
      Caller caller, UUID matchId, Decision decision, RejectionReason reason, String note) {
    MatchEntity m = matches.findById(matchId);
    if (m == null || !access.actsFor(needs.findById(m.needId).businessUnit)) {
      throw ProblemException.notFound("match " + matchId);
    }
    String decidedBy = caller.subject();
    if (decision == Decision.REJECTED && reason == null) {
      throw new ProblemException(
          Problem.invalid(
              "reasonCode: is required to reject",
              List.of(
                  new Problem.Violation(
                      "reasonCode", "is required when the decision is REJECTED"))));
    }
    if (m.status == MatchStatus.WITHDRAWN) {
      throw new ProblemException(
          Problem.of(
              409,
              "match-withdrawn",
              "The match is withdrawn",
              "its startup left or its need closed"));
    }
    MatchDecisionEntity d = new MatchDecisionEntity();
    d.id = UUID.randomUUID();
    d.matchId = m.id;
    d.decision = decision;
    d.reasonCode = reason;
    d.note = note;
    d.decidedBy = decidedBy;
    d.decidedAt = now();
    decisions.persist(d);
    m.status = decision.status();
    m.updatedAt = d.decidedAt;
    emit(
        "decided",
        m,
        needs.findById(m.needId),
        startups.findById(m.applicationId),
        new MatchEventData.DecisionBrief(
            decision.name(), reason == null ? null : reason.name(), note, decidedBy, d.decidedAt));
    return m;
  }

  private static void write(MatchEntity m, MatchResult r, Instant now) {
    m.score = r.score();
    m.weightsVersion = r.weightsVersion();
    m.breakdown = r.breakdown();
    m.hardChecks = r.hardChecks();
    m.updatedAt = now;
  }

  private void emit(
      String change,
      MatchEntity m,
      NeedEntity need,
      StartupEntity startup,
      MatchEventData.DecisionBrief decision) {
    metrics.counter("garagematch.matches", "change", change).increment();
    if (change.equals("proposed") || change.equals("updated")) {
      DistributionSummary.builder("garagematch.match.score")
          .description("Scores of proposed and re-scored matches")
          .serviceLevelObjectives(0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
          .register(metrics)
          .record(m.score);
    }
    MatchEventData data =
        new MatchEventData(
            m.id,
            m.needId,
            m.applicationId,
            need.businessUnit,
            m.status.name(),
            m.score,
            m.weightsVersion,
            m.breakdown,
            m.hardChecks,
            new MatchEventData.NeedBrief(
                need.spec.title(), need.spec.language(), need.spec.innovationFields()),
            startup.profile == null
                ? null // erased: nothing of the startup's identity goes out
                : new MatchEventData.StartupBrief(
                    startup.profile.name(),
                    startup.profile.language(),
                    startup.profile.country(),
                    startup.profile.pitch()),
            decision,
            m.updatedAt);
    try {
      outbox.append(
          OutboxMessage.of(
              TOPIC,
              m.needId.toString(),
              "io.garagematch.match." + change + ".v1",
              m.id.toString(),
              json.writeValueAsString(data)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the event of match " + m.id, e);
    }
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
