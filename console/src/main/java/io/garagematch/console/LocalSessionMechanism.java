package io.garagematch.console;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Local sign-in's authentication: the sealed session cookie becomes the identity, with the token in
 * it as its credential (the same credential the OpenID Connect sign-in gives), so every page works
 * the same way with either.
 */
@ApplicationScoped
public class LocalSessionMechanism implements HttpAuthenticationMechanism {

  private final LocalSessions sessions;

  public LocalSessionMechanism(LocalSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    if (!sessions.enabled()) {
      return Uni.createFrom().nullItem();
    }
    Cookie cookie = context.request().getCookie(LocalSessions.COOKIE);
    if (cookie == null) {
      return Uni.createFrom().nullItem();
    }
    return Uni.createFrom()
        .item(
            sessions
                .open(cookie.getValue())
                .<SecurityIdentity>map(
                    token ->
                        QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal("local"))
                            .addCredential(new AccessTokenCredential(token))
                            .build())
                .orElse(null));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(302, "Location", "/sign-in"));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of();
  }
}
