package io.garagematch.applications.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.applications.domain.ApplicationLifecycle;
import io.garagematch.applications.domain.ApplicationProfile;
import io.garagematch.applications.domain.Change;
import io.garagematch.applications.domain.WebDomain;
import io.garagematch.applications.repository.Application;
import io.garagematch.applications.repository.ApplicationRepository;
import io.garagematch.applications.repository.ApplicationVersion;
import io.garagematch.applications.repository.ApplicationVersionRepository;
import io.garagematch.applications.repository.ErasureConfirmationRepository;
import io.garagematch.applications.repository.IdempotencyKey;
import io.garagematch.applications.repository.IdempotencyKeyRepository;
import io.garagematch.contracts.application.ApplicationContract;
import io.garagematch.contracts.application.ApplicationStatus;
import io.garagematch.platform.outbox.Outbox;
import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.problem.ProblemException;
import io.garagematch.platform.rest.Cursor;
import io.garagematch.platform.rest.Requests;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The intake use cases. Each change makes a new version and, in the same transaction, an event in
 * the outbox; a partner only ever sees its own applications (anything else is "not found").
 */
@ApplicationScoped
public class ApplicationService {

  private static final String TOPIC = ApplicationContract.TOPIC;

  private final ApplicationRepository applications;
  private final ApplicationVersionRepository versions;
  private final IdempotencyKeyRepository idempotencyKeys;
  private final Outbox outbox;
  private final ObjectMapper json;

  private final MeterRegistry metrics;
  private final ErasureConfirmationRepository confirmations;

  public ApplicationService(
      ErasureConfirmationRepository confirmations,
      ApplicationRepository applications,
      ApplicationVersionRepository versions,
      IdempotencyKeyRepository idempotencyKeys,
      Outbox outbox,
      ObjectMapper json,
      MeterRegistry metrics) {
    this.metrics = metrics;
    this.confirmations = confirmations;
    this.applications = applications;
    this.versions = versions;
    this.idempotencyKeys = idempotencyKeys;
    this.outbox = outbox;
    this.json = json;
  }

  /** What a POST answered: the application, and whether an earlier request already made it. */
  public record Submission(ApplicationView application, boolean replayed) {}

  /**
   * Submits a new application. With an {@code idempotencyKey} seen before for this partner, the
   * first request's application is returned (same body) or the request refused (other body).
   */
  @Transactional
  public Submission submit(String partnerId, ApplicationProfile profile, String idempotencyKey) {
    String requestHash = hash(profile);
    if (idempotencyKey != null) {
      var earlier = idempotencyKeys.find(partnerId, idempotencyKey);
      if (earlier.isPresent()) {
        if (!earlier.get().requestHash.equals(requestHash)) {
          throw new ProblemException(
              Problem.of(
                  422,
                  "idempotency-key-reused",
                  "Idempotency-Key already used for another request",
                  "this Idempotency-Key was sent before with a different body"));
        }
        return new Submission(
            ApplicationView.of(applications.findById(earlier.get().applicationId)), true);
      }
    }
    rejectDuplicate(partnerId, profile, null);
    Instant now = now();
    Application a = new Application();
    a.id = UUID.randomUUID();
    a.partnerId = partnerId;
    a.status = ApplicationStatus.SUBMITTED;
    a.createdAt = now;
    apply(a, profile, Change.SUBMITTED, now);
    if (idempotencyKey != null) {
      IdempotencyKey key = new IdempotencyKey();
      key.partnerId = partnerId;
      key.idempotencyKey = idempotencyKey;
      key.requestHash = requestHash;
      key.applicationId = a.id;
      key.statusCode = 201;
      key.createdAt = now;
      idempotencyKeys.persist(key);
    }
    flush();
    Counter.builder("garagematch.applications.received")
        .description("Applications accepted, by the language of their profile")
        .tag("language", languageOf(profile))
        .register(metrics)
        .increment();
    return new Submission(ApplicationView.of(a), false);
  }

  private static String languageOf(ApplicationProfile profile) {
    return profile.language() == null
        ? "unknown"
        : profile.language().name().toLowerCase(java.util.Locale.ROOT);
  }

  public ApplicationView get(String partnerId, UUID id) {
    return withConfirmations(owned(partnerId, id));
  }

  /** Replaces the profile if {@code expectedVersion} is still the current one. */
  @Transactional
  public ApplicationView update(
      String partnerId, UUID id, int expectedVersion, ApplicationProfile profile) {
    Application a = owned(partnerId, id);
    Change change;
    try {
      ApplicationLifecycle.requireNotErased(a.erasedAt != null);
      Requests.requireVersion("the application", a.version, expectedVersion);
      change = ApplicationLifecycle.update(a.status, a.erasedAt != null);
    } catch (ApplicationLifecycle.Refused e) {
      throw problem(e);
    }
    rejectDuplicate(partnerId, profile, a.id);
    apply(a, profile, change, now());
    flush();
    return ApplicationView.of(a);
  }

  /** Withdraws the application; withdrawing it again changes nothing. */
  @Transactional
  public ApplicationView withdraw(String partnerId, UUID id) {
    Application a = owned(partnerId, id);
    try {
      ApplicationLifecycle.withdraw(a.status, a.erasedAt != null)
          .ifPresent(change -> apply(a, a.profile, change, now()));
    } catch (ApplicationLifecycle.Refused e) {
      throw problem(e);
    }
    return ApplicationView.of(a);
  }

  /**
   * Erases the startup: its contact data leaves the application and its history, its events not yet
   * published are dropped (so nothing of it goes out any more), and an {@code application.erased}
   * event — carrying nothing but the id — tells the other services to drop everything they keep of
   * it; each confirms on {@code erasure-confirmations}. The partner keeps the business facts of its
   * own record. Erasing again changes nothing; an erased application takes no further change.
   */
  @Transactional
  public ApplicationView erase(String partnerId, UUID id) {
    Application a = owned(partnerId, id);
    if (ApplicationLifecycle.erase(a.erasedAt != null).isPresent()) {
      for (ApplicationVersion v : versions.history(id)) {
        v.profile = v.profile.withoutContact();
      }
      outbox.discardUnsent(TOPIC, id.toString());
      outbox.redact(TOPIC, id.toString(), "contact");
      Instant now = now();
      a.erasedAt = now;
      apply(a, a.profile.withoutContact(), Change.ERASED, now);
    }
    return withConfirmations(a);
  }

  /** Records a service's confirmation of an erasure (once per service). */
  @Transactional
  public void confirmErasure(UUID applicationId, String service, Instant completedAt) {
    confirmations.record(applicationId, service, completedAt);
  }

  private ApplicationView withConfirmations(Application a) {
    return ApplicationView.of(a, a.erasedAt == null ? null : confirmations.of(a.id));
  }

  /** The problem a refusal of the lifecycle is answered with: the one place they are mapped. */
  private static ProblemException problem(ApplicationLifecycle.Refused e) {
    switch (e.refusal()) {
      case ERASED:
        return new ProblemException(
            Problem.of(
                409,
                "application-erased",
                "The application is erased",
                "an erased application takes no further change"));
      case WITHDRAWN:
      default:
        return new ProblemException(
            Problem.of(409, "application-withdrawn", "The application is withdrawn", null));
    }
  }

  public List<ApplicationVersionView> history(String partnerId, UUID id) {
    Application a = owned(partnerId, id);
    return versions.history(id).stream()
        .map(
            v ->
                new ApplicationVersionView(
                    v.version,
                    v.change,
                    v.changedAt,
                    ApplicationView.of(a, v.version, v.status, v.changedAt, v.profile, null)))
        .toList();
  }

  public List<ApplicationView> page(
      String partnerId, ApplicationStatus status, Instant updatedSince, Cursor after, int limit) {
    return applications
        .page(
            partnerId,
            status,
            updatedSince,
            after == null ? null : after.updatedAt(),
            after == null ? null : after.id(),
            limit)
        .stream()
        .map(ApplicationView::of)
        .toList();
  }

  /** Makes {@code profile} the new current version, records it and emits its event. */
  private void apply(Application a, ApplicationProfile profile, Change change, Instant now) {
    a.version++;
    a.status = ApplicationLifecycle.statusAfter(a.status, change);
    a.profile = profile;
    a.registrationId = profile.normalizedRegistrationId();
    a.webDomain = WebDomain.of(profile.website()).orElse(null);
    a.updatedAt = now;
    ApplicationVersion v = new ApplicationVersion();
    v.applicationId = a.id;
    v.version = a.version;
    v.change = change;
    v.status = a.status;
    v.changedAt = now;
    v.profile = profile;
    if (change == Change.SUBMITTED) {
      applications.persist(a);
    }
    versions.persist(v);
    outbox.append(ApplicationEvents.of(change, a));
  }

  private Application owned(String partnerId, UUID id) {
    return applications
        .findOwned(id, partnerId)
        .orElseThrow(() -> ProblemException.notFound("application " + id));
  }

  private void rejectDuplicate(String partnerId, ApplicationProfile profile, UUID self) {
    applications
        .findDuplicate(
            profile.normalizedRegistrationId(),
            WebDomain.of(profile.website()).orElse(null),
            self == null ? new UUID(0, 0) : self)
        .ifPresent(
            existing -> {
              throw duplicate(partnerId.equals(existing.partnerId) ? existing.id : null);
            });
  }

  /** A duplicate; the existing application's id only when it is the caller's own. */
  private static ProblemException duplicate(UUID ownExisting) {
    Problem problem =
        Problem.of(
            409,
            "duplicate-application",
            "The startup is already in the programme",
            ownExisting != null
                ? "you submitted this startup (same registration id or web domain) before"
                : "another partner submitted this startup (same registration id or web domain)");
    if (ownExisting != null) {
      problem
          .with("existingApplicationId", ownExisting)
          .with("existing", "/api/v1/applications/" + ownExisting);
    }
    return new ProblemException(problem);
  }

  /** Surfaces constraint violations here, where they can be told apart, not at commit. */
  private void flush() {
    try {
      applications.flush();
    } catch (PersistenceException e) {
      String constraint =
          e instanceof ConstraintViolationException c
              ? c.getConstraintName()
              : e.getCause() instanceof ConstraintViolationException c
                  ? c.getConstraintName()
                  : null;
      if (constraint == null) {
        throw e;
      }
      if (constraint.startsWith("application_registration_id")
          || constraint.startsWith("application_web_domain")) {
        throw duplicate(null);
      }
      if (constraint.startsWith("idempotency_key")) {
        throw new ProblemException(
            Problem.of(
                409,
                "idempotency-key-in-use",
                "A request with this Idempotency-Key is being processed",
                "retry the request to get its result"));
      }
      throw e;
    }
  }

  private String hash(ApplicationProfile profile) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(json.writeValueAsString(profile).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant now() {
    // PostgreSQL keeps microseconds; the cursor compares what it reads back.
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
