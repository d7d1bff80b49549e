package io.garagematch.applications.service;

import io.garagematch.applications.domain.ApplicationProfile;
import io.garagematch.applications.domain.Change;
import io.garagematch.applications.repository.Application;
import io.garagematch.contracts.application.ApplicationContract;
import io.garagematch.contracts.application.ApplicationData;
import io.garagematch.contracts.application.ApplicationErased;
import io.garagematch.contracts.events.Event;
import io.garagematch.contracts.events.EventType;

/**
 * The {@code startup-applications} event of each change. Contact data never travels on Kafka (it
 * stays here, see docs/security.md); an erasure carries nothing of the startup but its id.
 */
final class ApplicationEvents {

  private ApplicationEvents() {}

  /** The event that {@code change} made of {@code a}, as it now stands. */
  static Event<?> of(Change change, Application a) {
    if (change == Change.ERASED) {
      return Event.of(
          ApplicationContract.ERASED,
          a.id,
          new ApplicationErased(a.id, a.partnerId, a.version, a.status, a.erasedAt));
    }
    return Event.of(kind(change), a.id, data(a));
  }

  private static EventType<ApplicationData> kind(Change change) {
    switch (change) {
      case SUBMITTED:
        return ApplicationContract.SUBMITTED;
      case UPDATED:
        return ApplicationContract.UPDATED;
      case WITHDRAWN:
        return ApplicationContract.WITHDRAWN;
      default:
        throw new IllegalArgumentException("no data event for " + change);
    }
  }

  /** The application as stored, without contact. */
  private static ApplicationData data(Application a) {
    ApplicationProfile p = a.profile;
    return new ApplicationData(
        a.id,
        a.partnerId,
        a.version,
        a.status,
        a.createdAt,
        a.updatedAt,
        a.erasedAt,
        p.externalRef(),
        p.name(),
        p.registrationId(),
        p.website(),
        p.country(),
        p.city(),
        p.foundedYear(),
        p.employees(),
        p.language(),
        p.pitch(),
        p.description(),
        p.technologies(),
        p.innovationFields(),
        p.trl(),
        p.fundingStage(),
        p.seekingFinancing(),
        p.requestedSupport());
  }
}
