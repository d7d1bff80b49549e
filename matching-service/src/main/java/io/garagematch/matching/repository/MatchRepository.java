package io.garagematch.matching.repository;

import io.garagematch.matching.domain.MatchStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Matches. */
@ApplicationScoped
public class MatchRepository implements PanacheRepositoryBase<MatchEntity, UUID> {

  static final List<MatchStatus> OPEN =
      java.util.Arrays.stream(MatchStatus.values()).filter(MatchStatus::open).toList();

  public Optional<MatchEntity> find(UUID needId, UUID applicationId) {
    return find("needId = ?1 and applicationId = ?2", needId, applicationId).firstResultOptional();
  }

  public List<MatchEntity> ofNeed(UUID needId) {
    return list("needId", needId);
  }

  public List<MatchEntity> ofApplication(UUID applicationId) {
    return list("applicationId = ?1 order by score desc", applicationId);
  }

  /** Open matches of the unit's needs that wait for an owner, oldest first. */
  public List<MatchEntity> queue(String businessUnit) {
    return list(
        "ownerExpertId is null and status in ?1 and needId in"
            + " (select n.id from NeedEntity n where n.businessUnit = ?2) order by createdAt, id",
        OPEN,
        businessUnit);
  }

  /** The matches of the unit's needs (open or closed) in these statuses, oldest first. */
  public List<MatchEntity> ofBusinessUnit(String businessUnit, Collection<MatchStatus> statuses) {
    return list(
        "status in ?1 and needId in (select n.id from NeedEntity n where n.businessUnit = ?2)"
            + " order by createdAt, id",
        statuses,
        businessUnit);
  }

  /** The open matches an expert owns. */
  public List<MatchEntity> openOwnedBy(UUID expertId) {
    return list("ownerExpertId = ?1 and status in ?2 order by createdAt, id", expertId, OPEN);
  }

  /** How many open matches each of the experts owns (absent: none). */
  public Map<UUID, Long> openReviews(List<UUID> expertIds) {
    Map<UUID, Long> out = new HashMap<>();
    if (expertIds.isEmpty()) {
      return out;
    }
    getEntityManager()
        .createQuery(
            "select m.ownerExpertId, count(m) from MatchEntity m where m.ownerExpertId in ?1"
                + " and m.status in ?2 group by m.ownerExpertId",
            Object[].class)
        .setParameter(1, expertIds)
        .setParameter(2, OPEN)
        .getResultList()
        .forEach(r -> out.put((UUID) r[0], (Long) r[1]));
    return out;
  }

  /** Running pilots whose go/no-go date is before {@code day} and not yet announced, locked. */
  public List<MatchEntity> overduePilots(java.time.LocalDate day, int limit) {
    return find(
            "status = ?1 and goNoGoDate < ?2 and overdueAnnouncedAt is null order by goNoGoDate, id",
            MatchStatus.PILOT_STARTED,
            day)
        .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
        .withHint("jakarta.persistence.lock.timeout", -2)
        .page(0, limit)
        .list();
  }
}
