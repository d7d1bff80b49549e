package io.garagematch.notifications.service;

import io.garagematch.contracts.events.Event;
import io.garagematch.contracts.events.EventType;
import io.garagematch.contracts.expert.ExpertContract;
import io.garagematch.contracts.expert.ExpertData;
import io.garagematch.notifications.domain.Channel;
import io.garagematch.notifications.domain.ExpertSpec;
import io.garagematch.notifications.domain.Preferences;
import io.garagematch.notifications.domain.WebhookSignature;
import io.garagematch.notifications.repository.ExpertEntity;
import io.garagematch.notifications.repository.ExpertRepository;
import io.garagematch.platform.outbox.Outbox;
import io.garagematch.platform.problem.Problem;
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
 * The experts directory. Admins manage it; bu-staff read their units' experts; an expert reads
 * their own entry and changes their own preferences.
 */
@ApplicationScoped
public class ExpertService {

  private final ExpertRepository experts;

  private final WebhookUrls urls;
  private final Outbox outbox;

  public ExpertService(ExpertRepository experts, WebhookUrls urls, Outbox outbox) {
    this.experts = experts;
    this.urls = urls;
    this.outbox = outbox;
  }

  @Transactional
  public ExpertView create(Caller caller, ExpertSpec spec) {
    urls.check("webhookUrl", spec.webhookUrl());
    experts
        .byEmail(spec.email())
        .ifPresent(
            other -> {
              throw new ProblemException(
                  Problem.of(
                          409,
                          "duplicate-expert",
                          "An expert with this e-mail exists",
                          "expert " + other.id + " has the e-mail " + spec.email())
                      .with("existingId", other.id));
            });
    ExpertEntity e = new ExpertEntity();
    e.id = UUID.randomUUID();
    e.createdAt = Instant.now();
    e.version = 0;
    apply(e, spec);
    experts.persist(e);
    announce(e, ExpertContract.REGISTERED);
    return ExpertView.of(e, e.webhookSecret != null);
  }

  public ExpertView get(Caller caller, UUID id) {
    return ExpertView.of(visible(caller, id), false);
  }

  public List<ExpertView> page(Caller caller, Cursor after, int limit) {
    return experts
        .page(
            Access.units(caller),
            after == null ? null : after.updatedAt(),
            after == null ? null : after.id(),
            limit)
        .stream()
        .map(e -> ExpertView.of(e, false))
        .toList();
  }

  @Transactional
  public ExpertView update(Caller caller, UUID id, int ifMatch, ExpertSpec spec) {
    ExpertEntity e = visible(caller, id);
    Requests.requireVersion("the expert", e.version, ifMatch);
    urls.check("webhookUrl", spec.webhookUrl());
    experts
        .byEmail(spec.email())
        .filter(other -> !other.id.equals(id))
        .ifPresent(
            other -> {
              throw new ProblemException(
                  Problem.of(
                      409,
                      "duplicate-expert",
                      "An expert with this e-mail exists",
                      "expert " + other.id + " has the e-mail " + spec.email()));
            });
    boolean newSecret = apply(e, spec);
    announce(e, ExpertContract.UPDATED);
    return ExpertView.of(e, newSecret);
  }

  @Transactional
  public ExpertView updatePreferences(Caller caller, UUID id, int ifMatch, Preferences p) {
    Access.requireSelf(caller, id);
    ExpertEntity e = find(id);
    Requests.requireVersion("the expert", e.version, ifMatch);
    urls.check("webhookUrl", p.webhookUrl());
    boolean newSecret = apply(e, e.spec.with(p));
    announce(e, ExpertContract.UPDATED);
    return ExpertView.of(e, newSecret);
  }

  @Transactional
  public void delete(Caller caller, UUID id) {
    ExpertEntity e = find(id);
    experts.delete(e);
    outbox.append(Event.of(ExpertContract.REMOVED, e.id, data(e, e.version + 1)));
  }

  /** Appends the expert's {@code expert-events} event of {@code kind}, in this transaction. */
  private void announce(ExpertEntity e, EventType<ExpertData> kind) {
    outbox.append(Event.of(kind, e.id, data(e, e.version)));
  }

  /**
   * The data of {@code expert.*} events, read by matching-service to know who may act as an expert:
   * no personal data — the id, the unit, the innovation fields reviewed and the most open reviews
   * taken (what matching-service assigns matches by).
   */
  private static ExpertData data(ExpertEntity e, int version) {
    return new ExpertData(
        e.id, e.businessUnit, e.spec.innovationFields(), e.spec.maxOpenReviews(), version);
  }

  /** Sets the spec; a first WEBHOOK channel gets a signing secret. True when one was made. */
  private static boolean apply(ExpertEntity e, ExpertSpec spec) {
    e.spec = spec;
    e.businessUnit = spec.businessUnit();
    e.email = spec.email();
    e.version++;
    e.updatedAt = Instant.now();
    if (spec.channels().contains(Channel.WEBHOOK) && e.webhookSecret == null) {
      e.webhookSecret = WebhookSignature.newSecret();
      return true;
    }
    return false;
  }

  /**
   * The expert, if the caller may read it: admin, the expert, or bu-staff of its unit; to anyone
   * else it is not found (whether it exists or not).
   */
  private ExpertEntity visible(Caller caller, UUID id) {
    ExpertEntity e = find(id);
    if (Access.isExpert(caller, id) || caller.actsFor(e.businessUnit)) {
      return e;
    }
    throw ProblemException.notFound("expert " + id);
  }

  private ExpertEntity find(UUID id) {
    return experts
        .findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("expert " + id));
  }
}
