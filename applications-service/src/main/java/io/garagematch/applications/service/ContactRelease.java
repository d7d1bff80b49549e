package io.garagematch.applications.service;

import io.garagematch.applications.domain.Contact;
import io.garagematch.applications.domain.MatchOutcome;
import io.garagematch.applications.repository.Application;
import io.garagematch.applications.repository.ApplicationRepository;
import io.garagematch.applications.repository.MatchAccessRepository;
import io.garagematch.platform.problem.ProblemException;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Contact data never leaves this service on Kafka; it is released here, to whoever may see it: the
 * partner that submitted the startup, staff of a business unit whose match on it was accepted (or
 * went further: pilot, purchase order, financing), and admins. To anyone else — and after an
 * erasure — there is none ("not found").
 */
@ApplicationScoped
public class ContactRelease {

  /** Match statuses that release the contact to the match's business unit. */
  static final Set<String> RELEASING =
      Set.of("ACCEPTED", "PILOT_STARTED", "PILOT_GO", "PILOT_NO_GO", "PURCHASE_ORDER_ISSUED");

  private final ApplicationRepository applications;
  private final MatchAccessRepository matches;

  public ContactRelease(ApplicationRepository applications, MatchAccessRepository matches) {
    this.applications = applications;
    this.matches = matches;
  }

  public Contact contact(Caller caller, UUID applicationId) {
    Application a = applications.findById(applicationId);
    if (a == null || a.profile.contact() == null || !maySee(caller, a)) {
      throw ProblemException.notFound("contact of application " + applicationId);
    }
    return a.profile.contact();
  }

  private boolean maySee(Caller caller, Application a) {
    return caller.actsForPartner(a.partnerId)
        || caller.hasRole(Roles.BU_STAFF) && matches.anyOf(a.id, caller.businessUnits(), RELEASING);
  }

  /**
   * What became of the application's matches: for its partner and admins (anyone else: not found,
   * as for an application of another partner).
   */
  public List<MatchOutcome> outcomes(Caller caller, UUID applicationId) {
    Application a = applications.findById(applicationId);
    if (a == null || !caller.actsForPartner(a.partnerId)) {
      throw ProblemException.notFound("application " + applicationId);
    }
    return matches.ofApplication(applicationId);
  }

  /** Records a match's state from {@code match-events}. */
  @Transactional
  public void record(MatchOutcome m) {
    matches.record(m);
  }
}
