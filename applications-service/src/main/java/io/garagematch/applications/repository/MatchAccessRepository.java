package io.garagematch.applications.repository;

import io.garagematch.applications.domain.MatchOutcome;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Which unit holds which match on an application, its status, the need's title and when it was
 * proposed (from match-events).
 */
@ApplicationScoped
public class MatchAccessRepository {

  /** Records the match's state; an older state arriving late changes nothing. */
  public void record(MatchOutcome m) {
    Panache.getEntityManager()
        .createNativeQuery(
            "insert into match_access (match_id, application_id, business_unit, status, updated_at,"
                + " need_title, proposed_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                + " on conflict (match_id) do update set status = excluded.status,"
                + " updated_at = excluded.updated_at, need_title = excluded.need_title,"
                + " proposed_at = coalesce(excluded.proposed_at, match_access.proposed_at)"
                + " where match_access.updated_at <= excluded.updated_at")
        .setParameter(1, m.matchId())
        .setParameter(2, m.applicationId())
        .setParameter(3, m.businessUnit())
        .setParameter(4, m.status())
        .setParameter(5, Timestamp.from(m.updatedAt()))
        .setParameter(6, m.needTitle())
        .setParameter(7, m.proposedAt() == null ? null : Timestamp.from(m.proposedAt()))
        .executeUpdate();
  }

  /** The matches of an application, the latest change first. */
  @SuppressWarnings("unchecked")
  public List<MatchOutcome> ofApplication(UUID applicationId) {
    List<Object[]> rows =
        Panache.getEntityManager()
            .createNativeQuery(
                "select match_id, application_id, business_unit, status, updated_at, need_title,"
                    + " proposed_at from match_access where application_id = ?1"
                    + " order by updated_at desc, match_id")
            .setParameter(1, applicationId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new MatchOutcome(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    instant(r[4]),
                    (String) r[5],
                    instant(r[6])))
        .toList();
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return (Instant) value;
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
