package io.garagematch.notifications.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Partners' webhook subscriptions. */
@ApplicationScoped
public class PartnerSubscriptionRepository
    implements PanacheRepositoryBase<PartnerSubscriptionEntity, UUID> {

  /** The subscriptions of one partner, oldest first. */
  public List<PartnerSubscriptionEntity> ofPartner(String partnerId) {
    return list("partnerId = ?1 order by createdAt, id", partnerId);
  }
}
