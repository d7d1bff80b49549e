package io.garagematch.matching.service;

import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.Matcher;
import io.garagematch.matching.domain.NeedStatus;
import io.garagematch.matching.messaging.ApplicationSnapshot;
import io.garagematch.matching.repository.MatchEntity;
import io.garagematch.matching.repository.MatchRepository;
import io.garagematch.matching.repository.NeedEntity;
import io.garagematch.matching.repository.NeedRepository;
import io.garagematch.matching.repository.ProcessedEvent;
import io.garagematch.matching.repository.ProcessedEventRepository;
import io.garagematch.matching.repository.StartupEntity;
import io.garagematch.matching.repository.StartupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Applies {@code application.*} events to the startups read model, once per event id and never
 * going back to an older version, and re-scores the startup against the open needs.
 */
@ApplicationScoped
public class StartupService {

  /** How many needs a startup is scored against exactly (the best candidates of the index). */
  static final int CANDIDATES = 1000;

  private final StartupRepository startups;
  private final NeedRepository needs;
  private final MatchRepository matches;
  private final ProcessedEventRepository processed;
  private final MatchService matchService;
  private final MatcherHolder matcher;

  public StartupService(
      StartupRepository startups,
      NeedRepository needs,
      MatchRepository matches,
      ProcessedEventRepository processed,
      MatchService matchService,
      MatcherHolder matcher) {
    this.startups = startups;
    this.needs = needs;
    this.matches = matches;
    this.processed = processed;
    this.matchService = matchService;
    this.matcher = matcher;
  }

  /**
   * @return false when the event was applied before (a redelivery)
   */
  @Transactional
  public boolean apply(String eventId, String topic, ApplicationSnapshot snapshot) {
    if (processed.findByIdOptional(eventId).isPresent()) {
      return false;
    }
    ProcessedEvent p = new ProcessedEvent();
    p.eventId = eventId;
    p.topic = topic;
    p.processedAt = MatchService.now();
    processed.persist(p);

    StartupEntity s = startups.findById(snapshot.id());
    if (s != null && s.version >= snapshot.version()) {
      return true; // an older version arriving late changes nothing
    }
    boolean fresh = s == null;
    if (fresh) {
      s = new StartupEntity();
      s.id = snapshot.id();
    }
    s.version = snapshot.version();
    s.active = snapshot.active();
    s.profile = snapshot;
    s.updatedAt = MatchService.now();
    if (fresh) {
      startups.persist(s);
    }

    Matcher m = matcher.matcher();
    if (!s.active) {
      m.removeStartup(s.id.toString());
      matchService.withdrawAll(s);
      return true;
    }
    m.putStartup(snapshot.toStartup());
    Set<UUID> scored = new HashSet<>();
    for (MatchResult r : m.rankNeeds(snapshot.toStartup(), CANDIDATES)) {
      NeedEntity need = needs.findById(UUID.fromString(r.needId()));
      if (need != null && need.status == NeedStatus.OPEN) {
        matchService.apply(need, s, r);
        scored.add(need.id);
      }
    }
    // matches the index no longer finds are scored directly: they may fall below the threshold
    for (MatchEntity existing : matches.ofApplication(s.id)) {
      NeedEntity need = needs.findById(existing.needId);
      if (!scored.contains(existing.needId) && need.status == NeedStatus.OPEN) {
        matchService.apply(need, s, m.score(need.id.toString(), s.id.toString()));
      }
    }
    return true;
  }
}
