package io.garagematch.applications.repository;

import io.garagematch.contracts.application.ApplicationStatus;
import io.garagematch.platform.persistence.KeysetQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Applications, always looked up on behalf of one partner unless said otherwise. */
@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

  public Optional<Application> findOwned(UUID id, String partnerId) {
    return find("id = ?1 and partnerId = ?2", id, partnerId).firstResultOptional();
  }

  /** A not-withdrawn application, of any partner, with this registration id or web domain. */
  public Optional<Application> findDuplicate(String registrationId, String webDomain, UUID except) {
    if (registrationId == null && webDomain == null) {
      return Optional.empty();
    }
    return find(
            "status <> :withdrawn and id <> :except"
                + " and (registrationId = :registrationId or webDomain = :webDomain)"
                + " order by createdAt",
            Parameters.with("withdrawn", ApplicationStatus.WITHDRAWN)
                .and("except", except)
                .and("registrationId", registrationId)
                .and("webDomain", webDomain))
        .firstResultOptional();
  }

  /** One page of a partner's applications in (updatedAt, id) order, after the cursor position. */
  public List<Application> page(
      String partnerId,
      ApplicationStatus status,
      Instant updatedSince,
      Instant afterUpdatedAt,
      UUID afterId,
      int limit) {
    KeysetQuery q =
        KeysetQuery.oldestFirst("updatedAt")
            .where("partnerId = :partner", "partner", partnerId)
            .whereGiven("status = :status", "status", status)
            .whereGiven("updatedAt >= :since", "since", updatedSince)
            .after(afterUpdatedAt, afterId);
    return find(q.query(), q.parameters()).page(0, limit).list();
  }
}
