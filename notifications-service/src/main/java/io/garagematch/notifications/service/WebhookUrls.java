package io.garagematch.notifications.service;

import io.garagematch.notifications.domain.Resolver;
import io.garagematch.notifications.domain.WebhookTargets;
import io.garagematch.platform.rest.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Refuses webhook URLs the service must not call (see {@link WebhookTargets}) with a 400. */
@ApplicationScoped
public class WebhookUrls {

  private final NotificationsConfig config;
  private final Resolver resolver;

  public WebhookUrls(NotificationsConfig config, Resolver resolver) {
    this.config = config;
    this.resolver = resolver;
  }

  /** Throws a 400 problem naming {@code field} when the URL may not be called. Null passes. */
  public void check(String field, String url) {
    if (url != null) {
      refusal(url)
          .ifPresent(
              reason -> {
                throw Requests.invalid(field, reason);
              });
    }
  }

  public Optional<String> refusal(String url) {
    return WebhookTargets.refusal(url, config.webhooks().allowPrivate(), resolver);
  }
}
