package io.garagematch.applications.repository;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A partner's Idempotency-Key and what its first request created. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey {

  @Id public String partnerId;
  @Id public String idempotencyKey;

  /** SHA-256 of the request body as parsed, so the same JSON in another layout matches. */
  public String requestHash;

  public UUID applicationId;
  public int statusCode;
  public Instant createdAt;

  /** The composite key. */
  public record Key(String partnerId, String idempotencyKey) implements Serializable {}
}
