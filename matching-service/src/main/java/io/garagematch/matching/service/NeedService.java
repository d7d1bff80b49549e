package io.garagematch.matching.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.contracts.events.Event;
import io.garagematch.contracts.events.EventType;
import io.garagematch.contracts.need.NeedContract;
import io.garagematch.contracts.need.NeedData;
import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.Matcher;
import io.garagematch.matching.domain.Need;
import io.garagematch.matching.domain.NeedSpec;
import io.garagematch.matching.domain.NeedStatus;
import io.garagematch.matching.repository.MatchEntity;
import io.garagematch.matching.repository.MatchRepository;
import io.garagematch.matching.repository.NeedEntity;
import io.garagematch.matching.repository.NeedRepository;
import io.garagematch.matching.repository.StartupEntity;
import io.garagematch.matching.repository.StartupRepository;
import io.garagematch.platform.outbox.Outbox;
import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.problem.ProblemException;
import io.garagematch.platform.rest.Cursor;
import io.garagematch.platform.rest.Requests;
import io.garagematch.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Needs of business units: bu-staff act for their own units only (another unit's need is "not
 * found"), admins for all. Each change is a new version, an event on {@code need-events}, and a
 * re-scoring of the need against the active startups; the matcher's index takes the change once it
 * has committed ({@link IndexChanges}).
 */
@ApplicationScoped
public class NeedService {

  /** How many startups a need is scored against exactly (the best candidates of the index). */
  static final int CANDIDATES = 1000;

  private final NeedRepository needs;
  private final StartupRepository startups;
  private final MatchRepository matches;
  private final MatchService matchService;
  private final MatcherHolder matcher;
  private final IndexChanges index;
  private final Outbox outbox;
  private final ObjectMapper json;
  private final UnitAccess access;
  private final WeightsInForce weights;

  public NeedService(
      NeedRepository needs,
      StartupRepository startups,
      MatchRepository matches,
      MatchService matchService,
      MatcherHolder matcher,
      IndexChanges index,
      Outbox outbox,
      ObjectMapper json,
      UnitAccess access,
      WeightsInForce weights) {
    this.access = access;
    this.weights = weights;
    this.needs = needs;
    this.startups = startups;
    this.matches = matches;
    this.matchService = matchService;
    this.matcher = matcher;
    this.index = index;
    this.outbox = outbox;
    this.json = json;
  }

  @Transactional
  public NeedView open(Caller caller, NeedSpec spec) {
    access.requireBusinessUnit(spec.businessUnit());
    weights.holdForScoring(spec.businessUnit());
    NeedEntity n = new NeedEntity();
    n.id = UUID.randomUUID();
    n.status = NeedStatus.OPEN;
    n.createdAt = MatchService.now();
    n.version = 0;
    change(n, spec, NeedContract.OPENED);
    needs.persist(n);
    rescore(n);
    return NeedView.of(n);
  }

  @Transactional
  public NeedView update(Caller caller, UUID id, int expectedVersion, NeedSpec spec) {
    NeedEntity n = visibleForChange(id);
    Requests.requireVersion("the need", n.version, expectedVersion);
    if (n.status == NeedStatus.CLOSED) {
      throw new ProblemException(Problem.of(409, "need-closed", "The need is closed", null));
    }
    access.requireBusinessUnit(spec.businessUnit());
    weights.holdForScoring(spec.businessUnit());
    change(n, spec, NeedContract.UPDATED);
    rescore(n);
    return NeedView.of(n);
  }

  /** Closes a need; {@code expectedVersion}, when given (If-Match), must be its version. */
  @Transactional
  public NeedView close(Caller caller, UUID id, Integer expectedVersion) {
    NeedEntity n = visibleForChange(id);
    if (expectedVersion != null) {
      Requests.requireVersion("the need", n.version, expectedVersion);
    }
    if (n.status == NeedStatus.OPEN) {
      n.status = NeedStatus.CLOSED;
      change(n, n.spec, NeedContract.CLOSED);
      index.needChanged(n);
      matchService.withdrawAll(n);
    }
    return NeedView.of(n);
  }

  public NeedView get(Caller caller, UUID id) {
    return NeedView.of(visible(caller, id));
  }

  public List<NeedView> page(Caller caller, NeedStatus status, Cursor after, int limit) {
    return needs
        .page(
            access.units(),
            status,
            after == null ? null : after.updatedAt(),
            after == null ? null : after.id(),
            limit)
        .stream()
        .map(NeedView::of)
        .toList();
  }

  /**
   * Re-scores an open need without weights of its own after its unit's weights in force changed (a
   * promotion), as an update of the need would, in the caller's transaction; the need itself does
   * not change (no new version, no need event), its matches do as their scores do. Returns whether
   * it was re-scored.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean reweigh(UUID id) {
    NeedEntity n = needs.findById(id);
    if (n == null) {
      return false;
    }
    // locked and read afresh: a change committed since it was first read must not be undone
    needs.getEntityManager().refresh(n, LockModeType.PESSIMISTIC_WRITE);
    if (n.status != NeedStatus.OPEN || n.spec.weights() != null) {
      return false;
    }
    rescore(n);
    return true;
  }

  /** The need if the caller acts for its unit ({@link UnitAccess}); else not found. */
  public NeedEntity visible(Caller caller, UUID id) {
    return visibleOrNotFound(id, needs.findById(id));
  }

  /**
   * {@link #visible}, its row locked until the transaction ends: changes of one need commit one
   * after the other, each at a higher version (the order {@link IndexChanges} keeps).
   */
  private NeedEntity visibleForChange(UUID id) {
    return visibleOrNotFound(id, needs.findById(id, LockModeType.PESSIMISTIC_WRITE));
  }

  private NeedEntity visibleOrNotFound(UUID id, NeedEntity n) {
    if (n == null || !access.actsFor(n.businessUnit)) {
      throw ProblemException.notFound("need " + id);
    }
    return n;
  }

  private void change(NeedEntity n, NeedSpec spec, EventType<NeedData> kind) {
    Instant now = MatchService.now();
    n.version++;
    n.spec = spec;
    n.businessUnit = spec.businessUnit();
    n.updatedAt = now;
    // the event's data has the view's fields; NeedData is what the contract promises of them
    outbox.append(Event.of(kind, n.id, json.convertValue(NeedView.of(n), NeedData.class)));
  }

  /**
   * Applies the need's scores, as changed, against the active startups; the index takes the need
   * after commit.
   */
  private void rescore(NeedEntity n) {
    index.needChanged(n);
    Matcher m = matcher.matcher();
    Need need = weights.need(n);
    Set<UUID> scored = new HashSet<>();
    for (MatchResult r : m.rankStartups(need, CANDIDATES)) {
      StartupEntity s = startups.findById(UUID.fromString(r.startupId()));
      if (s != null && s.active) {
        matchService.apply(n, s, r);
        scored.add(s.id);
      }
    }
    for (MatchEntity existing : matches.ofNeed(n.id)) {
      StartupEntity s = startups.findById(existing.applicationId);
      if (!scored.contains(existing.applicationId) && s.active) {
        matchService.apply(n, s, m.score(need, s.profile.toStartup()));
      }
    }
  }
}
