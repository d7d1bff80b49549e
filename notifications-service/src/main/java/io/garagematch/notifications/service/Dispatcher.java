package io.garagematch.notifications.service;

import io.garagematch.notifications.domain.Channel;
import io.garagematch.notifications.domain.CircuitBreakers;
import io.garagematch.notifications.domain.Delivery;
import io.garagematch.notifications.domain.DeliverySchedule;
import io.garagematch.notifications.domain.NotificationStatus;
import io.garagematch.notifications.repository.ExpertEntity;
import io.garagematch.notifications.repository.ExpertRepository;
import io.garagematch.notifications.repository.NotificationEntity;
import io.garagematch.notifications.repository.NotificationRepository;
import io.garagematch.notifications.repository.PartnerSubscriptionEntity;
import io.garagematch.notifications.repository.PartnerSubscriptionRepository;
import io.garagematch.notifications.repository.SubscriptionEntity;
import io.garagematch.notifications.repository.SubscriptionRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Delivers queued notifications. It claims due rows ({@code SELECT … FOR UPDATE SKIP LOCKED}, so
 * several instances share the work), sends them without waiting on each other — e-mails on their
 * own threads, webhooks asynchronously, each endpoint behind its circuit breaker — and records each
 * outcome in its own transaction. What each step does to a notification (the lease of a claim,
 * SENT, FAILED with the next attempt, DEAD) is its {@link Delivery}'s to decide: this class loads,
 * asks it and stores the answer. A process that dies mid-delivery leaves the lease to expire, and
 * the delivery is tried again (webhook receivers dedupe on {@code webhook-id}).
 *
 * <p>Woken after each routing commit and once a second for retries that come due.
 */
@ApplicationScoped
public class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class);
  private static final int BATCH = 200;

  /** How much longer than a webhook's timeout a claimed delivery is left to its attempt. */
  private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

  private final NotificationRepository notifications;
  private final ExpertRepository experts;
  private final SubscriptionRepository subscriptions;
  private final PartnerSubscriptionRepository partners;
  private final EmailSender email;
  private final WebhookSender webhooks;
  private final CircuitBreakers breakers;
  private final Delivery.Retries retries;
  private final NotificationsConfig config;
  private final MeterRegistry metrics;
  private final ExecutorService loop =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "notification-dispatcher"));

  /**
   * One thread: the mail client is driven from one thread at a time (see application.properties).
   */
  private final ExecutorService mail =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "notification-mail"));

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private volatile boolean stopped;

  public Dispatcher(
      NotificationRepository notifications,
      ExpertRepository experts,
      SubscriptionRepository subscriptions,
      PartnerSubscriptionRepository partners,
      EmailSender email,
      WebhookSender webhooks,
      CircuitBreakers breakers,
      DeliverySchedule schedule,
      NotificationsConfig config,
      MeterRegistry metrics) {
    this.notifications = notifications;
    this.experts = experts;
    this.subscriptions = subscriptions;
    this.partners = partners;
    this.email = email;
    this.webhooks = webhooks;
    this.breakers = breakers;
    this.retries = new Delivery.Retries(config.retry().attempts(), schedule);
    this.config = config;
    this.metrics = metrics;
  }

  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    wake();
  }

  /** Delivers what is due, now, on the dispatcher's thread. */
  public void wake() {
    again.set(true);
    if (!stopped && running.compareAndSet(false, true)) {
      loop.execute(this::drain);
    }
  }

  private void drain() {
    try {
      while (again.getAndSet(false) && !stopped) {
        List<Job> jobs;
        do {
          jobs = claim();
          start(jobs);
        } while (jobs.size() == BATCH && !stopped);
      }
    } catch (RuntimeException e) {
      LOG.warn("dispatching notifications failed; the next tick tries again", e);
    } finally {
      running.set(false);
      if (again.get() && !stopped) {
        wake();
      }
    }
  }

  /** Claims due notifications: their next attempt moves past the lease while they are in flight. */
  private List<Job> claim() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Instant now = Instant.now();
              Duration lease = config.webhooks().timeout().plus(LEASE_MARGIN);
              List<Job> jobs = new ArrayList<>();
              for (NotificationEntity n : notifications.lockDue(now, BATCH)) {
                Job job = job(n, now);
                if (job == null) {
                  continue; // given up inside job()
                }
                n.record(n.delivery().claimed(now, lease));
                jobs.add(job);
              }
              return jobs;
            });
  }

  /** What the delivery needs; null (and the notification DEAD) when its recipient is gone. */
  private Job job(NotificationEntity n, Instant now) {
    if ("EXPERT".equals(n.recipientKind)) {
      ExpertEntity e = experts.findById(n.recipientId);
      if (e == null) {
        giveUp(n, "the expert no longer exists", now);
        return null;
      }
      return new Job(
          n.id,
          n.channel,
          n.recipientId,
          n.digest,
          n.attempts,
          n.payload,
          e.spec,
          e.spec.webhookUrl(),
          e.webhookSecret);
    }
    if ("PARTNER".equals(n.recipientKind)) {
      PartnerSubscriptionEntity p = partners.findById(n.recipientId);
      if (p == null) {
        giveUp(n, "the partner subscription no longer exists", now);
        return null;
      }
      if (!p.spec.active()) {
        giveUp(n, "the partner subscription is inactive", now);
        return null;
      }
      return new Job(
          n.id,
          n.channel,
          n.recipientId,
          false,
          n.attempts,
          n.payload,
          null,
          p.spec.url(),
          p.secret);
    }
    SubscriptionEntity s = subscriptions.findById(n.recipientId);
    if (s == null) {
      giveUp(n, "the subscription no longer exists", now);
      return null;
    }
    if (!s.spec.active()) {
      giveUp(n, "the subscription is inactive", now);
      return null;
    }
    return new Job(
        n.id, n.channel, n.recipientId, false, n.attempts, n.payload, null, s.spec.url(), s.secret);
  }

  private static void giveUp(NotificationEntity n, String reason, Instant now) {
    n.record(n.delivery().givenUp(reason, now));
  }

  private void start(List<Job> jobs) {
    Map<UUID, List<Job>> digests = new LinkedHashMap<>();
    for (Job job : jobs) {
      if (job.channel() == Channel.EMAIL && job.digest()) {
        digests.computeIfAbsent(job.recipientId(), k -> new ArrayList<>()).add(job);
      } else if (job.channel() == Channel.EMAIL) {
        CompletableFuture.runAsync(
            () -> finish(List.of(job), attempt(() -> email.send(job))), mail);
      } else if (job.channel() == Channel.WEBHOOK) {
        startWebhook(job);
      }
    }
    digests
        .values()
        .forEach(
            group ->
                CompletableFuture.runAsync(() -> finish(group, email.sendDigest(group)), mail));
  }

  /** The outcome of one attempt: null when delivered, else the error — never an exception. */
  private static String attempt(java.util.function.Supplier<String> send) {
    try {
      return send.get();
    } catch (RuntimeException e) {
      LOG.warn("a delivery attempt failed unexpectedly", e);
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private void startWebhook(Job job) {
    Instant openUntil = breakers.acquire(job.url(), Instant.now());
    if (openUntil != null) {
      hold(job, openUntil); // no attempt while the endpoint's breaker is open
      return;
    }
    webhooks
        .send(job)
        .whenComplete(
            (error, thrown) -> {
              String outcome = thrown != null ? String.valueOf(thrown) : error;
              if (outcome == null) {
                breakers.success(job.url());
              } else {
                breakers.failure(job.url(), Instant.now());
              }
              finish(List.of(job), outcome);
            });
  }

  private void hold(Job job, Instant until) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              NotificationEntity n = notifications.findById(job.id());
              if (n != null) {
                n.record(n.delivery().heldUntil(until));
              }
            });
  }

  /** Records the outcome of one attempt: {@code error} null means delivered. */
  void finish(List<Job> jobs, String error) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                Instant now = Instant.now();
                for (Job job : jobs) {
                  NotificationEntity n = notifications.findById(job.id());
                  if (n == null) {
                    continue;
                  }
                  n.record(
                      n.delivery().attempted(error, now, retries, ThreadLocalRandom.current()));
                  if (n.status == NotificationStatus.SENT) {
                    latency(n, now);
                  } else {
                    LOG.infof(
                        "%s notification %s failed (attempt %d): %s",
                        n.channel, n.id, n.attempts, n.lastError);
                  }
                  Counter.builder("garagematch.notifications.attempts")
                      .description("Delivery attempts, by channel and the status they led to")
                      .tag("channel", n.channel.name())
                      .tag("status", n.status.name())
                      .register(metrics)
                      .increment();
                }
              });
    } catch (RuntimeException e) {
      LOG.warnf(e, "recording a delivery outcome failed; the lease expires and it is retried");
    }
    if (error != null) {
      wake(); // a short back-off may already be due
    }
  }

  /** From the event's time to its delivery. */
  private void latency(NotificationEntity n, Instant now) {
    String time = n.payload.path("time").asText(null);
    if (time != null) {
      Timer.builder("garagematch.notifications.latency")
          .description("From the match event to its delivery")
          .tag("channel", n.channel.name())
          .publishPercentiles(0.5, 0.99)
          .register(metrics)
          .record(Duration.between(Instant.parse(time), now));
    }
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    stopped = true;
    loop.shutdown();
    mail.shutdown();
    loop.awaitTermination(10, TimeUnit.SECONDS);
    mail.awaitTermination(10, TimeUnit.SECONDS);
  }
}
