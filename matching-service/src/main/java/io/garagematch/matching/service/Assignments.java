package io.garagematch.matching.service;

import io.garagematch.contracts.match.MatchContract;
import io.garagematch.matching.repository.ExpertEntity;
import io.garagematch.matching.repository.ExpertRepository;
import io.garagematch.matching.repository.MatchEntity;
import io.garagematch.matching.repository.MatchRepository;
import io.garagematch.matching.repository.NeedEntity;
import io.garagematch.matching.repository.NeedRepository;
import io.garagematch.matching.repository.StartupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who reviews an open match: one expert of its unit who fits it (their innovation fields touch the
 * need's; none: every field) and has room below their {@code maxOpenReviews} (open: PROPOSED or
 * SHORTLISTED), least loaded first. When everyone is full the match waits in the unit's queue,
 * oldest first, until someone has room. Each unit's assignments are serialised by a transaction
 * lock, so that two at once never give the last place twice.
 *
 * <p>A transaction that proposes several matches (one startup against many needs) takes each unit's
 * lock and reads its experts' loads once, and counts its own assignments on top.
 */
@ApplicationScoped
public class Assignments {

  private final ExpertRepository experts;
  private final MatchRepository matches;
  private final NeedRepository needs;
  private final StartupRepository startups;
  private final MatchEvents events;
  private final EntityManager em;
  private final TransactionSynchronizationRegistry transactions;

  public Assignments(
      ExpertRepository experts,
      MatchRepository matches,
      NeedRepository needs,
      StartupRepository startups,
      MatchEvents events,
      EntityManager em,
      TransactionSynchronizationRegistry transactions) {
    this.experts = experts;
    this.matches = matches;
    this.needs = needs;
    this.startups = startups;
    this.events = events;
    this.em = em;
    this.transactions = transactions;
  }

  /** Gives a freshly (re)proposed match its owner, or none: the proposal event carries it. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void onProposal(MatchEntity m, NeedEntity need) {
    Loads loads = loadsInThisTransaction(need.businessUnit);
    Optional<UUID> owner = loads.pick(need);
    owner.ifPresent(loads::took);
    m.ownerExpertId = owner.orElse(null);
    m.assignedAt = owner.isPresent() ? MatchService.now() : null;
  }

  /**
   * The unit's loads as this transaction left them, locked and read at its first proposal for the
   * unit. The other operations read the loads afresh and drop these.
   */
  private Loads loadsInThisTransaction(String businessUnit) {
    return loadsByUnit()
        .computeIfAbsent(
            businessUnit,
            unit -> {
              lock(unit);
              return new Loads(unit);
            });
  }

  private void forgetLoads(String businessUnit) {
    loadsByUnit().remove(businessUnit);
  }

  /** The loads this transaction has read, by unit (a resource of the transaction). */
  private Map<String, Loads> loadsByUnit() {
    @SuppressWarnings("unchecked")
    Map<String, Loads> byUnit = (Map<String, Loads>) transactions.getResource(Loads.class);
    if (byUnit == null) {
      byUnit = new HashMap<>();
      transactions.putResource(Loads.class, byUnit);
    }
    return byUnit;
  }

  /** Serves the unit's queue, oldest first, while an expert who fits has room. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void fillQueue(String businessUnit) {
    lock(businessUnit);
    forgetLoads(businessUnit);
    Loads loads = new Loads(businessUnit);
    if (!loads.anyRoom()) {
      return;
    }
    for (MatchEntity m : matches.queue(businessUnit)) {
      NeedEntity need = needs.findById(m.needId);
      Optional<UUID> owner = loads.pick(need);
      if (owner.isPresent()) {
        setOwner(m, owner.get());
        loads.took(owner.get());
        events.emit(MatchContract.ASSIGNED, m, need, startups.findById(m.applicationId), null);
        if (!loads.anyRoom()) {
          return;
        }
      }
    }
  }

  /** An expert left the unit: their open matches go back to its queue, which is then served. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void release(UUID expertId, String businessUnit) {
    lock(businessUnit);
    forgetLoads(businessUnit);
    for (MatchEntity m : matches.openOwnedBy(expertId)) {
      setOwner(m, null);
      events.emit(
          MatchContract.ASSIGNED,
          m,
          needs.findById(m.needId),
          startups.findById(m.applicationId),
          null);
    }
    fillQueue(businessUnit);
  }

  /** Gives the match to {@code expertId} (null: back to the queue), whatever their load. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void reassign(MatchEntity m, NeedEntity need, UUID expertId) {
    lock(need.businessUnit);
    forgetLoads(need.businessUnit);
    setOwner(m, expertId);
    events.emit(MatchContract.ASSIGNED, m, need, startups.findById(m.applicationId), null);
  }

  private static void setOwner(MatchEntity m, UUID owner) {
    m.ownerExpertId = owner;
    m.assignedAt = owner == null ? null : MatchService.now();
    m.version++;
    m.updatedAt = MatchService.now();
  }

  private void lock(String businessUnit) {
    em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "assignments:" + businessUnit)
        .getSingleResult();
  }

  /** The unit's experts with their open reviews now. */
  private final class Loads {
    private final List<ExpertEntity> unit;
    private final Map<UUID, Long> open = new HashMap<>();

    Loads(String businessUnit) {
      unit = experts.ofBusinessUnit(businessUnit);
      open.putAll(matches.openReviews(unit.stream().map(e -> e.id).toList()));
    }

    boolean hasRoom(ExpertEntity e) {
      return e.maxOpenReviews == null || open.getOrDefault(e.id, 0L) < e.maxOpenReviews;
    }

    boolean anyRoom() {
      return unit.stream().anyMatch(this::hasRoom);
    }

    Optional<UUID> pick(NeedEntity need) {
      return unit.stream()
          .filter(e -> fits(e, need))
          .filter(this::hasRoom)
          .min(
              Comparator.comparingLong((ExpertEntity e) -> open.getOrDefault(e.id, 0L))
                  .thenComparing(e -> e.id))
          .map(e -> e.id);
    }

    void took(UUID expertId) {
      open.merge(expertId, 1L, Long::sum);
    }
  }

  static boolean fits(ExpertEntity e, NeedEntity need) {
    return e.innovationFields == null
        || e.innovationFields.isEmpty()
        || !Collections.disjoint(e.innovationFields, need.spec.innovationFields());
  }
}
