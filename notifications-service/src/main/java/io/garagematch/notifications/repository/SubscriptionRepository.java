package io.garagematch.notifications.repository;

import io.garagematch.platform.persistence.KeysetQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
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
    KeysetQuery q =
        KeysetQuery.oldestFirst("updatedAt")
            .whereGiven("businessUnit in :units", "units", businessUnits)
            .after(afterAt, afterId);
    return find(q.query(), q.parameters()).page(0, limit).list();
  }
}
