package io.garagematch.applications.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** Which unit holds which match on an application, and its status (from match-events). */
@ApplicationScoped
public class MatchAccessRepository {

  /** Records the match's state; an older state arriving late changes nothing. */
  public void record(
      UUID matchId, UUID applicationId, String businessUnit, String status, Instant updatedAt) {
    Panache.getEntityManager()
        .createNativeQuery(
            "insert into match_access (match_id, application_id, business_unit, status, updated_at)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict (match_id) do update"
                + " set status = excluded.status, updated_at = excluded.updated_at"
                + " where match_access.updated_at <= excluded.updated_at")
        .setParameter(1, matchId)
        .setParameter(2, applicationId)
        .setParameter(3, businessUnit)
        .setParameter(4, status)
        .setParameter(5, Timestamp.from(updatedAt))
        .executeUpdate();
  }

  /** Whether one of these units holds a match on the application in one of these statuses. */
  public boolean anyOf(UUID applicationId, Collection<String> units, Collection<String> statuses) {
    if (units.isEmpty()) {
      return false;
    }
    return !Panache.getEntityManager()
        .createNativeQuery(
            "select 1 from match_access where application_id = ?1 and business_unit in (?2)"
                + " and status in (?3)")
        .setParameter(1, applicationId)
        .setParameter(2, units)
        .setParameter(3, statuses)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
