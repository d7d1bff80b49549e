package io.garagematch.platform.security;

import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from the verified bearer token: the role in {@code groups}, and what the
 * role acts for in {@code partner_id}, {@code business_units} or {@code expert_id}.
 */
@RequestScoped
public class Caller {

  public static final String PARTNER_ID = "partner_id";
  public static final String BUSINESS_UNITS = "business_units";
  public static final String EXPERT_ID = "expert_id";

  private final JsonWebToken token;

  public Caller(JsonWebToken token) {
    this.token = token;
  }

  public String subject() {
    return token.getSubject();
  }

  public Set<String> roles() {
    return token.getGroups() == null ? Set.of() : token.getGroups();
  }

  public boolean hasRole(String role) {
    return roles().contains(role);
  }

  public Optional<String> partnerId() {
    return text(token.getClaim(PARTNER_ID));
  }

  public Set<String> businessUnits() {
    Object claim = token.getClaim(BUSINESS_UNITS);
    Set<String> units = new LinkedHashSet<>();
    if (claim instanceof JsonArray array) {
      array.forEach(v -> text(v).ifPresent(units::add));
    } else if (claim instanceof Collection<?> values) {
      values.forEach(v -> text(v).ifPresent(units::add));
    } else {
      text(claim).ifPresent(units::add);
    }
    return units;
  }

  /**
   * Whether the caller acts for this business unit as staff: admins for all, bu-staff for their
   * token's. An expert's units are not enough here: a service that lets experts act for a unit
   * checks that the expert exists (see matching's UnitAccess).
   */
  public boolean actsFor(String businessUnit) {
    return hasRole(Roles.ADMIN)
        || hasRole(Roles.BU_STAFF) && businessUnits().contains(businessUnit);
  }

  /** 403 {@code business-unit-not-yours} unless the caller {@link #actsFor} the unit. */
  public void requireBusinessUnit(String businessUnit) {
    if (!actsFor(businessUnit)) {
      throw notYourUnit(businessUnits(), businessUnit);
    }
  }

  /** 403 {@code business-unit-not-yours}: the caller acts for {@code units}, not for this one. */
  public static ProblemException notYourUnit(Collection<String> units, String businessUnit) {
    return new ProblemException(
        Problem.of(
            403,
            "business-unit-not-yours",
            "Not your business unit",
            "your token acts for " + units + ", not for " + businessUnit));
  }

  public Optional<String> expertId() {
    return text(token.getClaim(EXPERT_ID));
  }

  /** The expert id the token names, when it is a UUID; any other value names no expert. */
  public Optional<UUID> expertUuid() {
    try {
      return expertId().map(UUID::fromString);
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  /** Whether the caller acts for this partner: admins for all, a partner for its own. */
  public boolean actsForPartner(String partnerId) {
    return hasRole(Roles.ADMIN)
        || hasRole(Roles.PARTNER) && partnerId().map(partnerId::equals).orElse(false);
  }

  private static Optional<String> text(Object claim) {
    if (claim instanceof JsonString s) {
      return Optional.of(s.getString());
    }
    if (claim instanceof String s) {
      return Optional.of(s);
    }
    if (claim == null || claim == JsonValue.NULL) {
      return Optional.empty();
    }
    return Optional.of(claim.toString());
  }
}
