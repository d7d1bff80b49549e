package io.garagematch.applications.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.garagematch.applications.domain.ApplicationStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * The data of {@code startup-applications} events. Contact data never travels on Kafka (it stays
 * here, see docs/security.md); an erasure carries nothing of the startup but its id.
 */
final class ApplicationEvents {

  private ApplicationEvents() {}

  /** {@code application.erased}: the id, owner, version and when; no data of the startup. */
  record Erased(
      UUID id, String partnerId, int version, ApplicationStatus status, Instant erasedAt) {}

  /** The data of submitted, updated and withdrawn: the application as stored, without contact. */
  static ObjectNode snapshot(ObjectMapper json, ApplicationView view) {
    ObjectNode data = json.valueToTree(view);
    data.remove("contact");
    data.remove("erasureConfirmedBy");
    return data;
  }
}
