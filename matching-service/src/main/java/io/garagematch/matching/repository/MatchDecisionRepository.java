package io.garagematch.matching.repository;

import io.garagematch.matching.domain.Decision;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Decisions on matches, oldest first. */
@ApplicationScoped
public class MatchDecisionRepository implements PanacheRepositoryBase<MatchDecisionEntity, UUID> {

  /** The history of a match, oldest first. */
  public List<MatchDecisionEntity> history(UUID matchId) {
    return list("matchId = ?1 order by decidedAt, id", matchId);
  }

  /** The latest decision on the match still in force (not reverted, not itself a revert). */
  public Optional<MatchDecisionEntity> latestInForce(UUID matchId) {
    return find(
            "matchId = ?1 and revertedBy is null and decision <> ?2 order by decidedAt desc, id desc",
            matchId,
            Decision.REVERTED)
        .firstResultOptional();
  }

  /** The latest decision of a kind still in force on the match. */
  public Optional<MatchDecisionEntity> latestInForce(UUID matchId, Decision decision) {
    return find(
            "matchId = ?1 and revertedBy is null and decision = ?2 order by decidedAt desc, id desc",
            matchId,
            decision)
        .firstResultOptional();
  }
}
