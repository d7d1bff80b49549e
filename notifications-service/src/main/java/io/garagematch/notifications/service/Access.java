package io.garagematch.notifications.service;

import io.garagematch.platform.problem.ProblemException;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import java.util.Collection;
import java.util.UUID;

/** Who may act on what: admins on everything, bu-staff on their units, experts on themselves. */
final class Access {

  private Access() {}

  static boolean admin(Caller caller) {
    return caller.hasRole(Roles.ADMIN);
  }

  /** The business units the caller may see, or null for all (admin). */
  static Collection<String> units(Caller caller) {
    return admin(caller) ? null : caller.businessUnits();
  }

  static boolean isExpert(Caller caller, UUID expertId) {
    return caller.hasRole(Roles.EXPERT)
        && caller.expertId().map(expertId.toString()::equals).orElse(false);
  }

  /**
   * Only the expert themself (or an admin) may act on an expert's own things; to anyone else the
   * expert is not found, whether it exists or not.
   */
  static void requireSelf(Caller caller, UUID expertId) {
    if (!admin(caller) && !isExpert(caller, expertId)) {
      throw ProblemException.notFound("expert " + expertId);
    }
  }
}
