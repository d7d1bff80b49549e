package io.garagematch.applications.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The version history of applications. */
@ApplicationScoped
public class ApplicationVersionRepository
    implements PanacheRepositoryBase<ApplicationVersion, ApplicationVersion.Key> {

  public List<ApplicationVersion> history(UUID applicationId) {
    return list("applicationId = ?1 order by version", applicationId);
  }
}
