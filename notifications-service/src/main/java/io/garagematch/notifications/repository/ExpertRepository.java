package io.garagematch.notifications.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Experts. */
@ApplicationScoped
public class ExpertRepository implements PanacheRepositoryBase<ExpertEntity, UUID> {

  public List<ExpertEntity> ofBusinessUnit(String businessUnit) {
    return list("businessUnit", businessUnit);
  }

  public Optional<ExpertEntity> byEmail(String email) {
    return find("lower(email) = lower(?1)", email).firstResultOptional();
  }

  /** A page of experts of these business units (all when null), in (updatedAt, id) order. */
  public List<ExpertEntity> page(
      Collection<String> businessUnits, Instant afterAt, UUID afterId, int limit) {
    StringBuilder q = new StringBuilder("1 = 1");
    Parameters p = new Parameters();
    if (businessUnits != null) {
      q.append(" and businessUnit in :units");
      p.and("units", businessUnits);
    }
    if (afterAt != null) {
      q.append(" and (updatedAt > :afterAt or (updatedAt = :afterAt and id > :afterId))");
      p.and("afterAt", afterAt).and("afterId", afterId);
    }
    q.append(" order by updatedAt, id");
    return find(q.toString(), p).page(0, limit).list();
  }
}
