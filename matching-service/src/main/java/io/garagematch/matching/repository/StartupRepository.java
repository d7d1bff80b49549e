package io.garagematch.matching.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The startups read model. */
@ApplicationScoped
public class StartupRepository implements PanacheRepositoryBase<StartupEntity, UUID> {
  public List<StartupEntity> active() {
    return list("active", true);
  }
}
