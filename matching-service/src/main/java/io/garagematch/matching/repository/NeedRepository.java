package io.garagematch.matching.repository;

import io.garagematch.matching.domain.NeedStatus;
import io.garagematch.platform.persistence.KeysetQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Needs. */
@ApplicationScoped
public class NeedRepository implements PanacheRepositoryBase<NeedEntity, UUID> {

  public List<NeedEntity> open() {
    return list("status", NeedStatus.OPEN);
  }

  /**
   * The ids of the unit's open needs, oldest first: ids only, so that each need is loaded when it
   * is locked.
   */
  public List<UUID> openIds(String businessUnit) {
    return getEntityManager()
        .createQuery(
            "select n.id from NeedEntity n where n.businessUnit = ?1 and n.status = ?2"
                + " order by n.createdAt, n.id",
            UUID.class)
        .setParameter(1, businessUnit)
        .setParameter(2, NeedStatus.OPEN)
        .getResultList();
  }

  /** A page of needs of these business units (all when null), in (updatedAt, id) order. */
  public List<NeedEntity> page(
      Collection<String> businessUnits,
      NeedStatus status,
      Instant afterAt,
      UUID afterId,
      int limit) {
    KeysetQuery q =
        KeysetQuery.oldestFirst("updatedAt")
            .whereGiven("businessUnit in :units", "units", businessUnits)
            .whereGiven("status = :status", "status", status)
            .after(afterAt, afterId);
    return find(q.query(), q.parameters()).page(0, limit).list();
  }
}
