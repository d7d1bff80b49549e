package io.garagematch.notifications.service;

import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.problem.ProblemException;
import io.garagematch.platform.security.Caller;
import java.util.Collection;
import java.util.UUID;

/** Who may act on what: admins on everything, bu-staff on their units, experts on themselves. */
final class Access {

  private Access() {}

  static boolean admin(Caller caller) {
    return caller.hasRole("admin");
  }

  /** The business units the caller may see, or null for all (admin). */
  static Collection<String> units(Caller caller) {
    return admin(caller) ? null : caller.businessUnits();
  }

  static boolean isExpert(Caller caller, UUID expertId) {
    return caller.hasRole("expert")
        && caller.expertId().map(expertId.toString()::equals).orElse(false);
  }

  /** Only the expert themself (or an admin) may act on an expert's own things. */
  static void requireSelf(Caller caller, UUID expertId) {
    if (!admin(caller) && !isExpert(caller, expertId)) {
      throw new ProblemException(
          Problem.of(
              403,
              "not-your-inbox",
              "Not yours",
              "only expert " + expertId + " (or an admin) may do this"));
    }
  }
}
