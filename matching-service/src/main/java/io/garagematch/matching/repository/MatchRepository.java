package io.garagematch.matching.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Matches and their decisions. */
@ApplicationScoped
public class MatchRepository implements PanacheRepositoryBase<MatchEntity, UUID> {

  public Optional<MatchEntity> find(UUID needId, UUID applicationId) {
    return find("needId = ?1 and applicationId = ?2", needId, applicationId).firstResultOptional();
  }

  public List<MatchEntity> ofNeed(UUID needId) {
    return list("needId", needId);
  }

  public List<MatchEntity> ofApplication(UUID applicationId) {
    return list("applicationId = ?1 order by score desc", applicationId);
  }
}
