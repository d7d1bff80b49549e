package io.garagematch.matching.repository;

import io.garagematch.matching.domain.NeedStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
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

  /** A page of needs of these business units (all when null), in (updatedAt, id) order. */
  public List<NeedEntity> page(
      Collection<String> businessUnits,
      NeedStatus status,
      Instant afterAt,
      UUID afterId,
      int limit) {
    StringBuilder q = new StringBuilder("1 = 1");
    Parameters p = new Parameters();
    if (businessUnits != null) {
      q.append(" and businessUnit in :units");
      p.and("units", businessUnits);
    }
    if (status != null) {
      q.append(" and status = :status");
      p.and("status", status);
    }
    if (afterAt != null) {
      q.append(" and (updatedAt > :afterAt or (updatedAt = :afterAt and id > :afterId))");
      p.and("afterAt", afterAt).and("afterId", afterId);
    }
    q.append(" order by updatedAt, id");
    return find(q.toString(), p).page(0, limit).list();
  }
}
