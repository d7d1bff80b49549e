package io.garagematch.infra;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Tokens for tests, signed by a key pair made for this test JVM (written only where a test asks,
 * for a process that signs tokens itself: the console's local sign-in).
 */
public final class TestTokens {

  private static final KeyPair KEYS = Tokens.newKeyPair();
  private static final Tokens TOKENS = new Tokens(KEYS.getPrivate(), Tokens.ISSUER);

  private TestTokens() {}

  /** See {@link Tokens#forRole}. */
  public static String forRole(String role, String subject) {
    return TOKENS.forRole(role, subject, Duration.ofHours(1));
  }

  /** A token of an expert acting for these business units. */
  public static String forExpert(String expertId, String... businessUnits) {
    return TOKENS.forExpert(expertId, List.of(businessUnits), Duration.ofHours(1));
  }

  /**
   * A token for {@code role} whose standard claims ({@code aud}, {@code iat}, ...) are replaced.
   */
  public static String withClaims(String role, String subject, Map<String, Object> claims) {
    return TOKENS.sign(subject, List.of(role), claims, Duration.ofHours(1));
  }

  /** A token whose signature the services must reject. */
  public static String signedByAnotherKey(String role, String subject) {
    return new Tokens(Tokens.newKeyPair().getPrivate(), Tokens.ISSUER)
        .forRole(role, subject, Duration.ofHours(1));
  }

  /** Writes this JVM's key pair as {@code private.pem} and {@code public.pem} into {@code dir}. */
  public static void writeKeyPair(java.nio.file.Path dir) throws java.io.IOException {
    Tokens.writeKeyPair(KEYS, dir);
  }

  public static String publicKeyPem() {
    return Tokens.publicKeyPem(KEYS.getPublic());
  }
}
