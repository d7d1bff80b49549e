package io.garagematch.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The console's settings ({@code garagematch.console.*}; environment variables in deploy.md). */
@ConfigMapping(prefix = "garagematch.console")
public interface ConsoleConfig {

  /** Base URL of applications-service's API as the console reaches it. */
  URI applicationsUrl();

  /** Base URL of matching-service's API as the console reaches it. */
  URI matchingUrl();

  /** Base URL of notifications-service's API as the console reaches it. */
  URI notificationsUrl();

  /** How people sign in: {@code oidc} (an identity provider) or {@code local} (demo identities). */
  SignIn signIn();

  /** Local sign-in only: the local stack's token signing key (PKCS#8 PEM). */
  Optional<Path> localSigningKey();

  /** Local sign-in only: the issuer the services accept. */
  @WithDefault("https://garagematch.local")
  String localIssuer();

  /** Local sign-in only: the audience the services accept. */
  @WithDefault("garagematch")
  String localAudience();

  /** Local sign-in only: how long a local session (and its token) lasts. */
  @WithDefault("8h")
  Duration localSessionLifetime();

  /**
   * Local sign-in only: the secret the session cookie is sealed with (at least 32 characters); a
   * random one per start when absent, which signs everyone out on a restart.
   */
  Optional<String> sessionSecret();

  /** Whether the console's cookies carry {@code Secure} (true behind HTTPS). */
  @WithDefault("false")
  boolean secureCookies();

  enum SignIn {
    OIDC,
    LOCAL
  }
}
