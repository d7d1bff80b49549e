package io.garagematch.notifications.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Webhook subscriptions. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<SubscriptionEntity, UUID> {

  /** A page of subscriptions of these business units (all when null), in (updatedAt, id) order. */
  public List<SubscriptionEntity> page(
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
