package io.garagematch.matching.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The experts read model (from {@code expert-events}). */
@ApplicationScoped
public class ExpertRepository implements PanacheRepositoryBase<ExpertEntity, UUID> {

  public List<ExpertEntity> ofBusinessUnit(String businessUnit) {
    return list("businessUnit = ?1 order by id", businessUnit);
  }
}
