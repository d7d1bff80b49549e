package io.garagematch.notifications.repository;

import io.garagematch.platform.persistence.KeysetQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
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
    KeysetQuery q =
        KeysetQuery.oldestFirst("updatedAt")
            .whereGiven("businessUnit in :units", "units", businessUnits)
            .after(afterAt, afterId);
    return find(q.query(), q.parameters()).page(0, limit).list();
  }
}
