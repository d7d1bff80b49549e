package io.garagematch.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Local sign-in: tokens for demo identities, signed with the local stack's key, kept in a sealed
 * HttpOnly cookie. Only active when {@code garagematch.console.sign-in=local}.
 */
@ApplicationScoped
public class LocalSessions {

  public static final String COOKIE = "gm_session";

  /** Who a local sign-in makes you: a role, a display name and what the role acts for. */
  public record Identity(String role, String subject, String name, List<String> businessUnits) {}

  private final ConsoleConfig config;
  private final ObjectMapper mapper;
  private final SealedCookie seal;
  private volatile PrivateKey key;

  public LocalSessions(ConsoleConfig config, ObjectMapper mapper) {
    this.config = config;
    this.mapper = mapper;
    this.seal =
        new SealedCookie(config.sessionSecret().orElseGet(SealedCookie::randomSecret), COOKIE);
  }

  public boolean enabled() {
    return config.signIn() == ConsoleConfig.SignIn.LOCAL;
  }

  /** A signed token for {@code who}, valid for the local session's lifetime. */
  public String token(Identity who) {
    Instant now = Instant.now();
    JwtClaimsBuilder claims =
        Jwt.issuer(config.localIssuer())
            .audience(config.localAudience())
            .subject(who.subject())
            .groups(Set.of(who.role()))
            .claim("name", who.name())
            .issuedAt(now)
            .expiresAt(now.plus(config.localSessionLifetime()));
    if ("expert".equals(who.role())) {
      claims.claim("expert_id", who.subject());
    }
    if (!who.businessUnits().isEmpty()) {
      claims.claim("business_units", who.businessUnits());
    }
    return claims.sign(privateKey());
  }

  /** A token for the console itself, to list the demo identities. */
  public String adminToken() {
    return token(new Identity("admin", "console-local-sign-in", "Local sign-in", List.of()));
  }

  public String sealed(String token) {
    return seal.seal(token);
  }

  /** The token in a session cookie, if the cookie is ours and the token has not expired. */
  public Optional<String> open(String cookie) {
    return seal.open(cookie).filter(this::unexpired);
  }

  private boolean unexpired(String token) {
    return Session.payload(token, mapper).path("exp").asLong(0) > Instant.now().getEpochSecond();
  }

  private PrivateKey privateKey() {
    PrivateKey k = key;
    if (k == null) {
      Path pem =
          config
              .localSigningKey()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "local sign-in needs garagematch.console.local-signing-key"
                              + " (CONSOLE_LOCAL_SIGNING_KEY)"));
      try {
        k = KeyUtils.decodePrivateKey(Files.readString(pem));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("not an RSA private key in PKCS#8 PEM: " + pem, e);
      }
      key = k;
    }
    return k;
  }
}
