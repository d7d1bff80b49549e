package io.garagematch.infra;

import java.security.KeyPair;
import java.time.Duration;

/** Tokens for tests, signed by a key pair made for this test JVM (never written anywhere). */
public final class TestTokens {

  private static final KeyPair KEYS = Tokens.newKeyPair();
  private static final Tokens TOKENS = new Tokens(KEYS.getPrivate(), Tokens.ISSUER);

  private TestTokens() {}

  /** See {@link Tokens#forRole}. */
  public static String forRole(String role, String subject) {
    return TOKENS.forRole(role, subject, Duration.ofHours(1));
  }

  /** A token whose signature the services must reject. */
  public static String signedByAnotherKey(String role, String subject) {
    return new Tokens(Tokens.newKeyPair().getPrivate(), Tokens.ISSUER)
        .forRole(role, subject, Duration.ofHours(1));
  }

  public static String publicKeyPem() {
    return Tokens.publicKeyPem(KEYS.getPublic());
  }
}
