package io.garagematch.applications.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Idempotency keys of partners' POSTs. */
@ApplicationScoped
public class IdempotencyKeyRepository
    implements PanacheRepositoryBase<IdempotencyKey, IdempotencyKey.Key> {

  public Optional<IdempotencyKey> find(String partnerId, String key) {
    return findByIdOptional(new IdempotencyKey.Key(partnerId, key));
  }
}
