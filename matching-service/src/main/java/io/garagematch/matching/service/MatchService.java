package io.garagematch.matching.service;

import io.garagematch.contracts.match.MatchContract;
import io.garagematch.matching.domain.Decision;
import io.garagematch.matching.domain.DecisionInput;
import io.garagematch.matching.domain.MatchLifecycle;
import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.MatchStatus;
import io.garagematch.matching.domain.Pilot;
import io.garagematch.matching.repository.ExpertEntity;
import io.garagematch.matching.repository.ExpertRepository;
import io.garagematch.matching.repository.MatchDecisionEntity;
import io.garagematch.matching.repository.MatchDecisionRepository;
import io.garagematch.matching.repository.MatchEntity;
import io.garagematch.matching.repository.MatchRepository;
import io.garagematch.matching.repository.NeedEntity;
import io.garagematch.matching.repository.NeedRepository;
import io.garagematch.matching.repository.StartupEntity;
import io.garagematch.matching.repository.StartupRepository;
import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.problem.ProblemException;
import io.garagematch.platform.rest.Requests;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The match lifecycle: a pair that crosses its need's threshold is proposed (and given an owner, or
 * queued), a changed score is an update, a startup withdrawn or a need closed withdraws its open
 * matches, a decision moves the match on as {@link MatchLifecycle} allows, and a pilot whose
 * go/no-go date passes is announced once. Each step is a {@link MatchContract} event through the
 * outbox, in the same transaction.
 */
@ApplicationScoped
public class MatchService {

  private final MatchRepository matches;
  private final MatchDecisionRepository decisions;
  private final NeedRepository needs;
  private final StartupRepository startups;
  private final ExpertRepository experts;
  private final MatchEvents events;
  private final Assignments assignments;
  private final UnitAccess access;
  private final int pilotMaxMonths;

  public MatchService(
      MatchRepository matches,
      MatchDecisionRepository decisions,
      NeedRepository needs,
      StartupRepository startups,
      ExpertRepository experts,
      MatchEvents events,
      Assignments assignments,
      UnitAccess access,
      @ConfigProperty(name = "garagematch.pilot.max-months", defaultValue = "4")
          int pilotMaxMonths) {
    this.matches = matches;
    this.decisions = decisions;
    this.needs = needs;
    this.startups = startups;
    this.experts = experts;
    this.events = events;
    this.assignments = assignments;
    this.access = access;
    this.pilotMaxMonths = pilotMaxMonths;
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
        m.version = 1;
        m.createdAt = now;
        write(m, result, now);
        assignments.onProposal(m, need);
        matches.persist(m);
        events.emit(MatchContract.PROPOSED, m, need, startup, null);
      }
      return;
    }
    MatchEntity m = existing.get();
    if (m.status == MatchStatus.WITHDRAWN) {
      if (crosses) {
        m.status = MatchStatus.PROPOSED;
        m.version++;
        write(m, result, now);
        assignments.onProposal(m, need);
        events.emit(MatchContract.PROPOSED, m, need, startup, null);
      }
    } else if (Math.abs(m.score - result.score()) >= 0.0001
        || !m.weightsVersion.equals(result.weightsVersion())) {
      write(m, result, now);
      events.emit(MatchContract.UPDATED, m, need, startup, null);
    }
  }

  /** Withdraws the open matches of a startup that left the programme. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void withdrawAll(StartupEntity startup) {
    LinkedHashSet<String> freed = new LinkedHashSet<>();
    for (MatchEntity m : matches.ofApplication(startup.id)) {
      if (m.status.open()) {
        NeedEntity need = needs.findById(m.needId);
        withdraw(m, need, startup);
        freed.add(need.businessUnit);
      }
    }
    freed.forEach(assignments::fillQueue);
  }

  /** Withdraws the open matches of a closed need. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void withdrawAll(NeedEntity need) {
    boolean any = false;
    for (MatchEntity m : matches.ofNeed(need.id)) {
      if (m.status.open()) {
        withdraw(m, need, startups.findById(m.applicationId));
        any = true;
      }
    }
    if (any) {
      assignments.fillQueue(need.businessUnit);
    }
  }

  private void withdraw(MatchEntity m, NeedEntity need, StartupEntity startup) {
    m.status = MatchStatus.WITHDRAWN;
    m.version++;
    m.updatedAt = now();
    events.emit(MatchContract.WITHDRAWN, m, need, startup, null);
  }

  /**
   * Records a decision on a match of a need of a unit the caller acts for ({@link UnitAccess}; else
   * not found, and nothing is emitted). {@code ifMatch}, when given, must be the match's version
   * (412 otherwise). A step the lifecycle does not allow is a 409 {@code illegal-transition} naming
   * the allowed ones; data the step lacks or does not take is a 400.
   */
  @Transactional
  public MatchEntity decide(Caller caller, UUID matchId, DecisionInput in, Integer ifMatch) {
    MatchEntity m = lockedVisible(matchId);
    NeedEntity need = needs.findById(m.needId);
    if (ifMatch != null) {
      Requests.requireVersion("the match", m.version, ifMatch);
    }
    if (in.decision() == Decision.REVERTED) {
      return revert(caller, m, need, in);
    }
    MatchStatus next;
    try {
      next = MatchLifecycle.after(m.status, in.decision());
    } catch (MatchLifecycle.IllegalTransition e) {
      throw illegal(e.from(), e.decision(), allowed(caller, m));
    }
    List<DecisionInput.Problem> problems = new ArrayList<>(in.problems());
    Pilot pilot = null;
    if (in.decision() == Decision.PILOT_STARTED && in.pilot() != null) {
      pilot = in.pilot().completed(pilotMaxMonths, m.ownerExpertId);
      problems.addAll(pilot.problems(pilotMaxMonths));
      if (pilot.ownerExpertId() != null && !isExpertOf(pilot.ownerExpertId(), need)) {
        problems.add(
            new DecisionInput.Problem(
                "pilot.ownerExpertId", "is not an expert of " + need.businessUnit));
      }
    }
    requireNone(problems);
    MatchDecisionEntity d =
        record(
            caller,
            m,
            in,
            next,
            new MatchDecisionEntity.Details(pilot, in.purchaseOrder(), in.financing()));
    boolean wasOpen = m.status.open();
    m.status = next;
    if (in.decision() == Decision.PILOT_STARTED) {
      m.goNoGoDate = pilot.goNoGoDate();
      m.overdueAnnouncedAt = null;
    } else if (next != MatchStatus.PILOT_STARTED) {
      m.goNoGoDate = null;
    }
    changed(m, d.decidedAt);
    events.emit(MatchContract.DECIDED, m, need, startups.findById(m.applicationId), d);
    if (wasOpen && !next.open() && m.ownerExpertId != null) {
      assignments.fillQueue(need.businessUnit);
    }
    return m;
  }

  /**
   * Undoes the latest step still in force (admins only, with a note): the match goes back to the
   * status that step left; the step stays in the history, marked reverted.
   */
  private MatchEntity revert(Caller caller, MatchEntity m, NeedEntity need, DecisionInput in) {
    if (!caller.hasRole(Roles.ADMIN)) {
      throw new ProblemException(
          Problem.of(
              403, "admin-only", "Only an admin may revert a decision", "ask a programme admin"));
    }
    Optional<MatchDecisionEntity> last = decisions.latestInForce(m.id);
    if (m.status == MatchStatus.WITHDRAWN || last.isEmpty()) {
      throw illegal(m.status, Decision.REVERTED, allowed(caller, m));
    }
    requireNone(in.problems());
    MatchDecisionEntity undone = last.get();
    MatchStatus back =
        undone.decision == Decision.FINANCING_INTRODUCED ? m.status : undone.fromStatus;
    MatchDecisionEntity d = record(caller, m, in, back, null);
    d.reverts = undone.id;
    undone.revertedBy = d.id;
    m.status = back;
    m.goNoGoDate =
        back == MatchStatus.PILOT_STARTED
            ? Optional.ofNullable(events.currentPilot(m)).map(Pilot::goNoGoDate).orElse(null)
            : null;
    if (back.open() && m.ownerExpertId == null) {
      assignments.onProposal(m, need);
    }
    changed(m, d.decidedAt);
    events.emit(MatchContract.DECIDED, m, need, startups.findById(m.applicationId), d);
    return m;
  }

  /** Gives the open match to another expert of its unit (null: back to the unit's queue). */
  @Transactional
  public MatchEntity reassign(UUID matchId, UUID expertId, Integer ifMatch) {
    MatchEntity m = lockedVisible(matchId);
    NeedEntity need = needs.findById(m.needId);
    if (ifMatch != null) {
      Requests.requireVersion("the match", m.version, ifMatch);
    }
    if (!m.status.open()) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "match-not-open",
                  "Only an open match can be reassigned",
                  "the match is " + m.status + "; PROPOSED and SHORTLISTED matches have owners")
              .with("matchStatus", m.status.name()));
    }
    if (expertId != null && !isExpertOf(expertId, need)) {
      throw Requests.invalid("expertId", "is not an expert of " + need.businessUnit);
    }
    assignments.reassign(m, need, expertId);
    return m;
  }

  /**
   * Announces each running pilot whose go/no-go date is before {@code today} without an outcome:
   * one {@code match.pilot-overdue} event per pilot, recorded in the same transaction (so once,
   * across restarts and instances). Returns how many it announced.
   */
  @Transactional
  public int announceOverduePilots(LocalDate today, int limit) {
    List<MatchEntity> due = matches.overduePilots(today, limit);
    for (MatchEntity m : due) {
      m.overdueAnnouncedAt = now();
      events.emit(
          MatchContract.PILOT_OVERDUE,
          m,
          needs.findById(m.needId),
          startups.findById(m.applicationId),
          null);
    }
    return due.size();
  }

  /** The decisions the caller could record on the match now (REVERTED for admins). */
  public List<Decision> allowed(Caller caller, MatchEntity m) {
    List<Decision> out = new ArrayList<>(MatchLifecycle.allowed(m.status));
    if (caller.hasRole(Roles.ADMIN)
        && m.status != MatchStatus.WITHDRAWN
        && decisions.latestInForce(m.id).isPresent()) {
      out.add(Decision.REVERTED);
    }
    return out;
  }

  private MatchEntity lockedVisible(UUID matchId) {
    MatchEntity m = matches.findById(matchId, LockModeType.PESSIMISTIC_WRITE);
    if (m == null || !access.actsFor(needs.findById(m.needId).businessUnit)) {
      throw ProblemException.notFound("match " + matchId);
    }
    return m;
  }

  private boolean isExpertOf(UUID expertId, NeedEntity need) {
    ExpertEntity e = experts.findById(expertId);
    return e != null && e.businessUnit.equals(need.businessUnit);
  }

  private MatchDecisionEntity record(
      Caller caller,
      MatchEntity m,
      DecisionInput in,
      MatchStatus next,
      MatchDecisionEntity.Details details) {
    MatchDecisionEntity d = new MatchDecisionEntity();
    d.id = UUID.randomUUID();
    d.matchId = m.id;
    d.decision = in.decision();
    d.reasonCode = in.reasonCode();
    d.note = in.note();
    d.decidedBy = caller.subject();
    d.decidedAt = now();
    d.fromStatus = m.status;
    d.toStatus = next;
    d.details = details;
    decisions.persist(d);
    return d;
  }

  private static void write(MatchEntity m, MatchResult r, Instant now) {
    m.score = r.score();
    m.weightsVersion = r.weightsVersion();
    m.breakdown = r.breakdown();
    m.hardChecks = r.hardChecks();
    m.updatedAt = now;
  }

  private static void changed(MatchEntity m, Instant at) {
    m.version++;
    m.updatedAt = at;
  }

  private static void requireNone(List<DecisionInput.Problem> problems) {
    if (!problems.isEmpty()) {
      throw new ProblemException(
          Problem.invalid(
              problems.get(0).field() + ": " + problems.get(0).message(),
              problems.stream().map(p -> new Problem.Violation(p.field(), p.message())).toList()));
    }
  }

  private static ProblemException illegal(
      MatchStatus from, Decision decision, List<Decision> allowed) {
    return new ProblemException(
        Problem.of(
                409,
                "illegal-transition",
                "This decision is not allowed now",
                decision
                    + " cannot follow "
                    + from
                    + (allowed.isEmpty()
                        ? "; the match takes no decision now"
                        : "; allowed: " + allowed))
            .with("matchStatus", from.name())
            .with("allowed", allowed.stream().map(Enum::name).toList()));
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
