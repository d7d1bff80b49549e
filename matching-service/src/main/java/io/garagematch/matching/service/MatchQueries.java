package io.garagematch.matching.service;

import io.garagematch.matching.domain.Decision;
import io.garagematch.matching.domain.Evidence;
import io.garagematch.matching.domain.FinancingIntroduction;
import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.Pilot;
import io.garagematch.matching.domain.PurchaseOrder;
import io.garagematch.matching.repository.MatchDecisionEntity;
import io.garagematch.matching.repository.MatchDecisionRepository;
import io.garagematch.matching.repository.MatchEntity;
import io.garagematch.matching.repository.MatchRepository;
import io.garagematch.matching.repository.NeedEntity;
import io.garagematch.matching.repository.NeedRepository;
import io.garagematch.matching.repository.StartupEntity;
import io.garagematch.matching.repository.StartupRepository;
import io.garagematch.platform.problem.ProblemException;
import io.garagematch.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reading matches: a need's live ranking, a startup's matches, one match, one candidate pair. */
@ApplicationScoped
public class MatchQueries {

  private final NeedService needs;
  private final NeedRepository needRepository;
  private final MatchRepository matches;
  private final MatchDecisionRepository decisions;
  private final StartupRepository startups;
  private final MatcherHolder matcher;
  private final MatchService matchService;
  private final UnitAccess access;
  private final WeightsInForce weights;

  public MatchQueries(
      NeedService needs,
      NeedRepository needRepository,
      MatchRepository matches,
      MatchDecisionRepository decisions,
      StartupRepository startups,
      MatcherHolder matcher,
      MatchService matchService,
      UnitAccess access,
      WeightsInForce weights) {
    this.weights = weights;
    this.needs = needs;
    this.needRepository = needRepository;
    this.matches = matches;
    this.decisions = decisions;
    this.startups = startups;
    this.matcher = matcher;
    this.matchService = matchService;
    this.access = access;
  }

  /**
   * The need's ranking now: every active startup that passes its hard filters and that the index
   * finds, best first, with the stored match (id, status, owner) where there is one.
   */
  public List<MatchView> ranking(Caller caller, UUID needId, int limit) {
    NeedEntity need = needs.visible(caller, needId);
    Map<UUID, MatchEntity> stored =
        matches.ofNeed(needId).stream()
            .collect(Collectors.toMap(m -> m.applicationId, Function.identity()));
    List<MatchResult> ranked = matcher.matcher().rankStartups(weights.need(need), limit);
    Map<UUID, StartupEntity> cards =
        startupsById(ranked.stream().map(r -> UUID.fromString(r.startupId())).toList());
    List<MatchView> views = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      MatchResult r = ranked.get(i);
      UUID startupId = UUID.fromString(r.startupId());
      MatchEntity m = stored.get(startupId);
      views.add(
          new MatchView(
              m == null ? null : m.id,
              needId,
              startupId,
              r.score(),
              i + 1,
              m == null ? "CANDIDATE" : m.status.name(),
              m == null ? null : m.version,
              m == null ? null : m.ownerExpertId,
              r.weightsVersion(),
              StartupCard.of(cards.get(startupId)),
              r.breakdown(),
              r.hardChecks()));
    }
    return views;
  }

  /** The stored matches of a startup on needs the caller may see, best first. */
  public List<MatchView> ofApplication(Caller caller, UUID applicationId) {
    StartupEntity s = startups.findById(applicationId);
    return matches.ofApplication(applicationId).stream()
        .filter(m -> access.actsFor(needRepository.findById(m.needId).businessUnit))
        .map(m -> view(m, s))
        .toList();
  }

  /** The open matches of the unit's needs waiting for an owner, oldest first. */
  public List<MatchView> queue(String businessUnit) {
    access.requireBusinessUnit(businessUnit);
    List<MatchEntity> queued = matches.queue(businessUnit);
    Map<UUID, StartupEntity> cards =
        startupsById(queued.stream().map(m -> m.applicationId).toList());
    return queued.stream().map(m -> view(m, cards.get(m.applicationId))).toList();
  }

  /** One match with its history; not found unless the caller acts for its unit. */
  public MatchDetail detail(Caller caller, UUID matchId) {
    MatchEntity m = visible(matchId);
    NeedEntity need = needRepository.findById(m.needId);
    List<MatchDecisionEntity> history = decisions.history(m.id);
    List<MatchDecisionEntity> inForce =
        history.stream()
            .filter(d -> d.revertedBy == null && d.decision != Decision.REVERTED)
            .toList();
    // the history is read already: the pilot in force comes from it, not from another query
    Pilot pilot =
        !m.status.hasPilot()
            ? null
            : inForce.stream()
                .filter(d -> d.decision == Decision.PILOT_STARTED && d.details != null)
                .map(d -> d.details.pilot())
                .reduce((a, b) -> b)
                .orElse(null);
    PurchaseOrder po =
        inForce.stream()
            .map(d -> d.details == null ? null : d.details.purchaseOrder())
            .filter(Objects::nonNull)
            .reduce((a, b) -> b)
            .orElse(null);
    List<FinancingIntroduction> financing =
        inForce.stream()
            .map(d -> d.details == null ? null : d.details.financing())
            .filter(Objects::nonNull)
            .toList();
    return new MatchDetail(
        m.id,
        m.needId,
        need.spec.title(),
        need.businessUnit,
        m.applicationId,
        m.status.name(),
        m.version,
        m.ownerExpertId,
        m.assignedAt,
        m.score,
        m.weightsVersion,
        StartupCard.of(startups.findById(m.applicationId)),
        legible(m.breakdown),
        m.hardChecks,
        pilot,
        MatchDetail.overdue(m.status.name(), m.goNoGoDate, LocalDate.now(ZoneOffset.UTC)),
        po,
        financing,
        matchService.allowed(caller, m).stream().map(Enum::name).toList(),
        history.stream().map(DecisionView::of).toList(),
        m.createdAt,
        m.updatedAt);
  }

  /**
   * Explains one (need, startup) pair whether or not it passes the hard filters or the threshold:
   * not found unless the caller may see the need and the startup is known and not erased.
   */
  public CandidateView candidate(Caller caller, UUID needId, UUID applicationId) {
    NeedEntity need = needs.visible(caller, needId);
    StartupEntity s = startups.findById(applicationId);
    if (s == null || s.profile == null) {
      throw ProblemException.notFound("startup application " + applicationId);
    }
    MatchResult r = matcher.matcher().score(weights.need(need), s.profile.toStartup());
    double threshold = need.spec.matchThreshold();
    MatchEntity m = matches.find(needId, applicationId).orElse(null);
    boolean above = r.score() >= threshold;
    String verdict =
        !s.active
            ? "the startup is no longer active (withdrawn), so it is in no ranking"
            : !r.passed()
                ? "filtered out: "
                    + r.hardChecks().stream()
                        .filter(c -> !c.passed())
                        .map(MatchResult.HardCheck::detail)
                        .collect(Collectors.joining("; "))
                : above
                    ? "passes the hard checks and reaches the threshold: a match is proposed"
                    : "passes the hard checks but scores below the need's threshold "
                        + threshold
                        + ": ranked as a candidate, not proposed";
    return new CandidateView(
        needId,
        applicationId,
        StartupCard.of(s),
        r.passed(),
        r.score(),
        threshold,
        above,
        verdict,
        m == null ? null : m.id,
        m == null ? null : m.status.name(),
        r.weightsVersion(),
        r.hardChecks(),
        r.breakdown());
  }

  /** A match as a list item, with its startup's card. */
  public MatchView view(MatchEntity m, StartupEntity s) {
    return new MatchView(
        m.id,
        m.needId,
        m.applicationId,
        m.score,
        null,
        m.status.name(),
        m.version,
        m.ownerExpertId,
        m.weightsVersion,
        StartupCard.of(s),
        legible(m.breakdown),
        m.hardChecks);
  }

  /** A stored breakdown with concept labels and without stop words, however old it is. */
  private List<MatchResult.ComponentScore> legible(List<MatchResult.ComponentScore> breakdown) {
    return matcher.matcher() == null
        ? breakdown
        : Evidence.legible(breakdown, matcher.matcher().thesaurus());
  }

  /** The match as a list item, its startup read now. */
  public MatchView view(MatchEntity m) {
    return view(m, startups.findById(m.applicationId));
  }

  private MatchEntity visible(UUID matchId) {
    MatchEntity m = matches.findById(matchId);
    if (m == null || !access.actsFor(needRepository.findById(m.needId).businessUnit)) {
      throw ProblemException.notFound("match " + matchId);
    }
    return m;
  }

  private Map<UUID, StartupEntity> startupsById(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return startups.list("id in ?1", List.copyOf(ids)).stream()
        .collect(Collectors.toMap(s -> s.id, Function.identity()));
  }
}
