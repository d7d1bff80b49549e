package io.garagematch.matching.service;

import io.garagematch.contracts.application.ApplicationData;
import io.garagematch.contracts.erasure.ErasureConfirmation;
import io.garagematch.contracts.erasure.ErasureContract;
import io.garagematch.contracts.match.MatchContract;
import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.Matcher;
import io.garagematch.matching.domain.NeedStatus;
import io.garagematch.matching.domain.Startup;
import io.garagematch.matching.domain.StartupProfile;
import io.garagematch.matching.repository.MatchEntity;
import io.garagematch.matching.repository.MatchRepository;
import io.garagematch.matching.repository.NeedEntity;
import io.garagematch.matching.repository.NeedRepository;
import io.garagematch.matching.repository.ProcessedEventRepository;
import io.garagematch.matching.repository.StartupEntity;
import io.garagematch.matching.repository.StartupRepository;
import io.garagematch.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies {@code application.*} events to the startups read model, once per event id and never
 * going back to an older version, and re-scores the startup against the open needs. The matcher's
 * index takes the change once it has committed ({@link IndexChanges}); events of one startup come
 * in order (Kafka key) and its row is locked while one is applied.
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
  private final IndexChanges index;
  private final Outbox outbox;
  private final String service;
  private final WeightsInForce weights;

  public StartupService(
      StartupRepository startups,
      NeedRepository needs,
      MatchRepository matches,
      ProcessedEventRepository processed,
      MatchService matchService,
      MatcherHolder matcher,
      IndexChanges index,
      Outbox outbox,
      WeightsInForce weights,
      @ConfigProperty(name = "quarkus.application.name") String service) {
    this.outbox = outbox;
    this.weights = weights;
    this.service = service;
    this.startups = startups;
    this.needs = needs;
    this.matches = matches;
    this.processed = processed;
    this.matchService = matchService;
    this.matcher = matcher;
    this.index = index;
  }

  /**
   * Erases a startup ({@code application.erased}): its profile leaves the read model and the index
   * (so it leaves every ranking), its open matches are withdrawn, the startup's brief is removed
   * from every match event still in the outbox, and the erasure is confirmed on {@code
   * erasure-confirmations}, all in one transaction. Later events of the startup change nothing.
   *
   * @return false when the event was applied before (a redelivery)
   */
  @Transactional
  public boolean erase(String eventId, String topic, UUID id, int version) {
    if (!processed.firstTime(eventId, topic)) {
      return false;
    }
    StartupEntity s = startups.findById(id, LockModeType.PESSIMISTIC_WRITE);
    boolean fresh = s == null;
    if (fresh) {
      s = new StartupEntity(); // a tombstone: events of it arriving late change nothing
      s.id = id;
    }
    s.version = Math.max(s.version, version);
    s.active = false;
    s.profile = null;
    s.erasedAt = MatchService.now();
    s.updatedAt = s.erasedAt;
    if (fresh) {
      startups.persist(s);
    }
    index.startupChanged(s);
    matchService.withdrawAll(s);
    outbox.redactWhere(MatchContract.TOPIC, "applicationId", id.toString(), "startup");
    outbox.append(ErasureContract.completed(new ErasureConfirmation(id, service, s.erasedAt)));
    return true;
  }

  /**
   * @return false when the event was applied before (a redelivery)
   */
  @Transactional
  public boolean apply(String eventId, String topic, ApplicationData data) {
    StartupProfile profile = StartupProfile.of(data);
    if (!processed.firstTime(eventId, topic)) {
      return false;
    }
    StartupEntity s = startups.findById(profile.id(), LockModeType.PESSIMISTIC_WRITE);
    if (s != null && (s.version >= profile.version() || s.erasedAt != null)) {
      return true; // an older version arriving late, or anything after an erasure, changes nothing
    }
    boolean fresh = s == null;
    if (fresh) {
      s = new StartupEntity();
      s.id = profile.id();
    }
    s.version = profile.version();
    s.active = profile.active();
    s.partnerId = profile.partnerId();
    s.profile = profile;
    s.updatedAt = MatchService.now();
    if (fresh) {
      startups.persist(s);
    }

    index.startupChanged(s);
    if (!s.active) {
      matchService.withdrawAll(s);
      return true;
    }
    Matcher m = matcher.matcher();
    Startup startup = profile.toStartup();
    Set<UUID> scored = new HashSet<>();
    for (MatchResult r : m.rankNeeds(startup, CANDIDATES)) {
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
        matchService.apply(need, s, m.score(weights.need(need), startup));
      }
    }
    return true;
  }
}
