package io.garagematch.matching.service;

import io.garagematch.matching.repository.ExpertEntity;
import io.garagematch.matching.repository.ExpertRepository;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The business units a caller acts for here: admins all; bu-staff the units their token names; an
 * expert the units their token names, and only as an expert that exists (known from {@code
 * expert-events}) and only within that expert's own unit. An expert id that belongs to no expert
 * acts for nothing. Another unit's object is "not found" to the caller, never "forbidden".
 */
@RequestScoped
public class UnitAccess {

  private final Caller caller;
  private final ExpertRepository experts;
  private Set<String> units;

  public UnitAccess(Caller caller, ExpertRepository experts) {
    this.caller = caller;
    this.experts = experts;
  }

  /** The units the caller acts for, or null for all (admin). */
  public Set<String> units() {
    if (caller.hasRole(Roles.ADMIN)) {
      return null;
    }
    if (units == null) {
      Set<String> acting = new LinkedHashSet<>();
      if (caller.hasRole(Roles.BU_STAFF)) {
        acting.addAll(caller.businessUnits());
      }
      if (caller.hasRole(Roles.EXPERT)) {
        expert()
            .filter(e -> caller.businessUnits().contains(e.businessUnit))
            .ifPresent(e -> acting.add(e.businessUnit));
      }
      units = Set.copyOf(acting);
    }
    return units;
  }

  public boolean actsFor(String businessUnit) {
    Set<String> u = units();
    return u == null || u.contains(businessUnit);
  }

  /** 403 {@code business-unit-not-yours} unless the caller {@link #actsFor} the unit. */
  public void requireBusinessUnit(String businessUnit) {
    if (!actsFor(businessUnit)) {
      throw Caller.notYourUnit(units(), businessUnit);
    }
  }

  private Optional<ExpertEntity> expert() {
    return caller.expertUuid().flatMap(experts::findByIdOptional);
  }
}
