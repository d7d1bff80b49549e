package io.garagematch.notifications.service;

import io.garagematch.notifications.domain.SubscriptionSpec;
import io.garagematch.notifications.domain.WebhookSignature;
import io.garagematch.notifications.repository.SubscriptionEntity;
import io.garagematch.notifications.repository.SubscriptionRepository;
import io.garagematch.platform.problem.ProblemException;
import io.garagematch.platform.rest.Cursor;
import io.garagematch.platform.rest.Requests;
import io.garagematch.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions: bu-staff manage those of their own business units (another unit's is "not
 * found"), admins all. The signing secret is shown at creation and at rotation only.
 */
@ApplicationScoped
public class SubscriptionService {

  private final SubscriptionRepository subscriptions;
  private final WebhookUrls urls;

  public SubscriptionService(SubscriptionRepository subscriptions, WebhookUrls urls) {
    this.subscriptions = subscriptions;
    this.urls = urls;
  }

  @Transactional
  public SubscriptionView create(Caller caller, SubscriptionSpec spec) {
    check(caller, spec);
    SubscriptionEntity s = new SubscriptionEntity();
    s.id = UUID.randomUUID();
    s.secret = WebhookSignature.newSecret();
    s.createdAt = Instant.now();
    s.version = 0;
    apply(s, spec);
    subscriptions.persist(s);
    return SubscriptionView.of(s, true);
  }

  public SubscriptionView get(Caller caller, UUID id) {
    return SubscriptionView.of(visible(caller, id), false);
  }

  public List<SubscriptionView> page(Caller caller, Cursor after, int limit) {
    return subscriptions
        .page(
            Access.units(caller),
            after == null ? null : after.updatedAt(),
            after == null ? null : after.id(),
            limit)
        .stream()
        .map(s -> SubscriptionView.of(s, false))
        .toList();
  }

  @Transactional
  public SubscriptionView update(Caller caller, UUID id, int ifMatch, SubscriptionSpec spec) {
    SubscriptionEntity s = visible(caller, id);
    Requests.requireVersion("the subscription", s.version, ifMatch);
    check(caller, spec);
    apply(s, spec);
    return SubscriptionView.of(s, false);
  }

  /** A new secret, shown in the answer only; the old one stops signing at once. */
  @Transactional
  public SubscriptionView rotateSecret(Caller caller, UUID id) {
    SubscriptionEntity s = visible(caller, id);
    s.secret = WebhookSignature.newSecret();
    s.version++;
    s.updatedAt = Instant.now();
    return SubscriptionView.of(s, true);
  }

  @Transactional
  public void delete(Caller caller, UUID id) {
    subscriptions.delete(visible(caller, id));
  }

  private void check(Caller caller, SubscriptionSpec spec) {
    caller.requireBusinessUnit(spec.businessUnit());
    if (!Access.admin(caller)) {
      if (spec.businessUnits().isEmpty()) {
        throw Requests.invalid(
            "businessUnits", "must name your business units (only admins subscribe to all)");
      }
      spec.businessUnits().forEach(caller::requireBusinessUnit);
    }
    urls.check("url", spec.url());
  }

  private static void apply(SubscriptionEntity s, SubscriptionSpec spec) {
    s.spec = spec;
    s.businessUnit = spec.businessUnit();
    s.version++;
    s.updatedAt = Instant.now();
  }

  private SubscriptionEntity visible(Caller caller, UUID id) {
    return subscriptions
        .findByIdOptional(id)
        .filter(s -> caller.actsFor(s.businessUnit))
        .orElseThrow(() -> ProblemException.notFound("subscription " + id));
  }
}
