package io.garagematch.matching.service;

import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.repository.MatchEntity;
import io.garagematch.matching.repository.MatchRepository;
import io.garagematch.matching.repository.NeedEntity;
import io.garagematch.matching.repository.NeedRepository;
import io.garagematch.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reading matches: a need's live ranking, a startup's matches, one match. */
@ApplicationScoped
public class MatchQueries {

  private final NeedService needs;
  private final NeedRepository needRepository;
  private final MatchRepository matches;
  private final MatcherHolder matcher;
  private final UnitAccess access;

  public MatchQueries(
      NeedService needs,
      NeedRepository needRepository,
      MatchRepository matches,
      MatcherHolder matcher,
      UnitAccess access) {
    this.access = access;
    this.needs = needs;
    this.needRepository = needRepository;
    this.matches = matches;
    this.matcher = matcher;
  }

  /**
   * The need's ranking now: every active startup that passes its hard filters and that the index
   * finds, best first, with the stored match (id, status) where there is one.
   */
  public List<MatchView> ranking(Caller caller, UUID needId, int limit) {
    NeedEntity need = needs.visible(caller, needId);
    Map<UUID, MatchEntity> stored =
        matches.ofNeed(needId).stream()
            .collect(Collectors.toMap(m -> m.applicationId, Function.identity()));
    List<MatchResult> ranked =
        matcher.matcher().rankStartups(need.spec.toNeed(needId.toString()), limit);
    List<MatchView> views = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      MatchResult r = ranked.get(i);
      MatchEntity m = stored.get(UUID.fromString(r.startupId()));
      views.add(
          new MatchView(
              m == null ? null : m.id,
              needId,
              UUID.fromString(r.startupId()),
              r.score(),
              i + 1,
              m == null ? "CANDIDATE" : m.status.name(),
              r.weightsVersion(),
              r.breakdown(),
              r.hardChecks()));
    }
    return views;
  }

  /** The stored matches of a startup on needs the caller may see, best first. */
  public List<MatchView> ofApplication(Caller caller, UUID applicationId) {
    return matches.ofApplication(applicationId).stream()
        .filter(m -> access.actsFor(needRepository.findById(m.needId).businessUnit))
        .map(MatchQueries::view)
        .toList();
  }

  public static MatchView view(MatchEntity m) {
    return new MatchView(
        m.id,
        m.needId,
        m.applicationId,
        m.score,
        null,
        m.status.name(),
        m.weightsVersion,
        m.breakdown,
        m.hardChecks);
  }
}
