package io.garagematch.matching.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Business units' weight versions. */
@ApplicationScoped
public class UnitWeightsRepository implements PanacheRepositoryBase<UnitWeightsEntity, UUID> {

  /** The unit's latest promoted version. */
  public Optional<UnitWeightsEntity> inForce(String businessUnit) {
    return find(
            "businessUnit = ?1 and promotedAt is not null order by generation desc", businessUnit)
        .firstResultOptional();
  }

  /** Each unit's latest promoted version. */
  public List<UnitWeightsEntity> allInForce() {
    return list(
        "from UnitWeightsEntity w where w.promotedAt is not null and w.generation = (select"
            + " max(u.generation) from UnitWeightsEntity u where u.businessUnit = w.businessUnit"
            + " and u.promotedAt is not null)");
  }

  /** The unit's highest generation so far (0: none). */
  public int lastGeneration(String businessUnit) {
    Integer last =
        getEntityManager()
            .createQuery(
                "select max(u.generation) from UnitWeightsEntity u where u.businessUnit = ?1",
                Integer.class)
            .setParameter(1, businessUnit)
            .getSingleResult();
    return last == null ? 0 : last;
  }

  /**
   * Serialises promotions of one unit until the transaction ends (a transaction-scoped advisory
   * lock): two promotions never take the same generation, and the second is judged against the
   * first's weights.
   */
  public void lockUnit(String businessUnit) {
    getEntityManager()
        .createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "unit-weights:" + businessUnit)
        .getSingleResult();
  }

  /**
   * The same lock, shared, until the transaction ends: taken by whoever scores a need of the unit
   * with its weights in force, so a promotion committing meanwhile is waited for, not missed.
   */
  public void lockUnitShared(String businessUnit) {
    getEntityManager()
        .createNativeQuery("select pg_advisory_xact_lock_shared(hashtext(?1))")
        .setParameter(1, "unit-weights:" + businessUnit)
        .getSingleResult();
  }
}
