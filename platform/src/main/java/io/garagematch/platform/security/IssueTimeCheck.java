package io.garagematch.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a token issued in the future (beyond the allowed clock skew): the verifier checks expiry,
 * lifetime and audience, but an issue time a year ahead would otherwise stretch a token's life past
 * its configured maximum.
 */
@ApplicationScoped
public class IssueTimeCheck implements SecurityIdentityAugmentor {

  private final long skewSeconds;

  public IssueTimeCheck(@ConfigProperty(name = "mp.jwt.verify.clock.skew") long skewSeconds) {
    this.skewSeconds = skewSeconds;
  }

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.getPrincipal() instanceof JsonWebToken token
        && token.getIssuedAtTime() > Instant.now().getEpochSecond() + skewSeconds) {
      return Uni.createFrom()
          .failure(new AuthenticationFailedException("the token's issue time is in the future"));
    }
    return Uni.createFrom().item(identity);
  }
}
