package io.garagematch.notifications.service;

import io.garagematch.notifications.domain.PartnerSubscriptionSpec;
import io.garagematch.notifications.domain.WebhookSignature;
import io.garagematch.notifications.repository.PartnerSubscriptionEntity;
import io.garagematch.notifications.repository.PartnerSubscriptionRepository;
import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.problem.ProblemException;
import io.garagematch.platform.security.Caller;
import io.garagematch.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Partners' webhook subscriptions: a partner manages its own (another partner's is "not found"),
 * admins see and remove all. The signing secret is shown at creation only.
 */
@ApplicationScoped
public class PartnerSubscriptionService {

  private final PartnerSubscriptionRepository subscriptions;
  private final WebhookUrls urls;

  public PartnerSubscriptionService(PartnerSubscriptionRepository subscriptions, WebhookUrls urls) {
    this.subscriptions = subscriptions;
    this.urls = urls;
  }

  @Transactional
  public PartnerSubscriptionView create(Caller caller, PartnerSubscriptionSpec spec) {
    String partnerId =
        caller
            .partnerId()
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(
                            403,
                            "partner-only",
                            "Only a partner subscribes to its startups' outcomes",
                            "the token names no partner")));
    urls.check("url", spec.url());
    PartnerSubscriptionEntity s = new PartnerSubscriptionEntity();
    s.id = UUID.randomUUID();
    s.partnerId = partnerId;
    s.spec = spec;
    s.secret = WebhookSignature.newSecret();
    s.version = 1;
    s.createdAt = Instant.now();
    s.updatedAt = s.createdAt;
    subscriptions.persist(s);
    return PartnerSubscriptionView.of(s, true);
  }

  public List<PartnerSubscriptionView> list(Caller caller) {
    List<PartnerSubscriptionEntity> all =
        caller.hasRole(Roles.ADMIN)
            ? subscriptions.list("order by createdAt, id")
            : caller.partnerId().map(subscriptions::ofPartner).orElse(List.of());
    return all.stream().map(s -> PartnerSubscriptionView.of(s, false)).toList();
  }

  public PartnerSubscriptionView get(Caller caller, UUID id) {
    return PartnerSubscriptionView.of(visible(caller, id), false);
  }

  @Transactional
  public void delete(Caller caller, UUID id) {
    subscriptions.delete(visible(caller, id));
  }

  private PartnerSubscriptionEntity visible(Caller caller, UUID id) {
    return subscriptions
        .findByIdOptional(id)
        .filter(s -> caller.actsForPartner(s.partnerId))
        .orElseThrow(() -> ProblemException.notFound("partner subscription " + id));
  }
}
