package io.garagematch.applications.repository;

import io.garagematch.applications.service.ApplicationView.ErasureConfirmation;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The services' confirmations of erasures: a plain table, each (application, service) once. */
@ApplicationScoped
public class ErasureConfirmationRepository {

  /** Records a confirmation; a repeated one (a redelivered event) changes nothing. */
  public void record(UUID applicationId, String service, Instant confirmedAt) {
    Panache.getEntityManager()
        .createNativeQuery(
            "insert into erasure_confirmation (application_id, service, confirmed_at)"
                + " select ?1, ?2, ?3 where exists (select 1 from application where id = ?1)"
                + " on conflict do nothing")
        .setParameter(1, applicationId)
        .setParameter(2, service)
        .setParameter(3, Timestamp.from(confirmedAt))
        .executeUpdate();
  }

  /** The confirmations of one erasure, in the order they came. */
  public List<ErasureConfirmation> of(UUID applicationId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        Panache.getEntityManager()
            .createNativeQuery(
                "select service, confirmed_at from erasure_confirmation"
                    + " where application_id = ?1 order by confirmed_at, service")
            .setParameter(1, applicationId)
            .getResultList();
    return rows.stream().map(r -> new ErasureConfirmation((String) r[0], toInstant(r[1]))).toList();
  }

  private static Instant toInstant(Object value) {
    return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
  }
}
