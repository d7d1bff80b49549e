package io.garagematch.platform.security;

/**
 * The roles a token's {@code groups} claim names (docs/security.md); the one place they are spelt.
 */
public final class Roles {

  /** Programme managers: everything, in every unit. */
  public static final String ADMIN = "admin";

  /** Business-unit staff: their units' needs, matches and experts. */
  public static final String BU_STAFF = "bu-staff";

  /** A registered expert of a unit. */
  public static final String EXPERT = "expert";

  /** A partner system that submits startups. */
  public static final String PARTNER = "partner";

  private Roles() {}
}
