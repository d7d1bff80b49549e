package io.garagematch.notifications.service;

import io.garagematch.notifications.domain.Channel;
import io.garagematch.notifications.domain.CircuitBreakers;
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
 * several instances share the work) by pushing their next attempt past a lease, sends them without
 * waiting on each other — e-mails on their own threads, webhooks asynchronously, each endpoint
 * behind its circuit breaker — and records each outcome in its own transaction: SENT; FAILED with
 * the next attempt (back-off with jitter, persisted, so it survives a restart); or DEAD when the
 * attempts are used up. A process that dies mid-delivery leaves the lease to expire, and the
 * delivery is tried again (webhook receivers dedupe on {@code webhook-id}).
 *
 * <p>Woken after each routing commit and once a second for retries that come due.
 */
@ApplicationScoped
public class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class);
  private static final int BATCH = 200;

  private final NotificationRepository notifications;
  private final ExpertRepository experts;
  private final SubscriptionRepository subscriptions;
  private final PartnerSubscriptionRepository partners;
  private final EmailSender email;
  private final WebhookSender webhooks;
  private final CircuitBreakers breakers;
  private final DeliverySchedule schedule;
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
    this.schedule = schedule;
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
              Instant lease = now.plus(config.webhooks().timeout()).plus(Duration.ofSeconds(30));
              List<Job> jobs = new ArrayList<>();
              for (NotificationEntity n : notifications.lockDue(now, BATCH)) {
                Job job = job(n);
                if (job == null) {
                  continue; // given up inside job()
                }
                n.nextAttemptAt = lease;
                jobs.add(job);
              }
              return jobs;
            });
  }

  /** What the delivery needs; null (and the notification DEAD) when its recipient is gone. */
  private Job job(NotificationEntity n) {
    if ("EXPERT".equals(n.recipientKind)) {
      ExpertEntity e = experts.findById(n.recipientId);
      if (e == null) {
        dead(n, "the expert no longer exists");
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
        dead(n, "the partner subscription no longer exists");
        return null;
      }
      if (!p.spec.active()) {
        dead(n, "the partner subscription is inactive");
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
      dead(n, "the subscription no longer exists");
      return null;
    }
    if (!s.spec.active()) {
      dead(n, "the subscription is inactive");
      return null;
    }
    return new Job(
        n.id, n.channel, n.recipientId, false, n.attempts, n.payload, null, s.spec.url(), s.secret);
  }

  private static void dead(NotificationEntity n, String reason) {
    n.status = NotificationStatus.DEAD;
    n.lastError = reason;
    n.nextAttemptAt = null;
    n.updatedAt = Instant.now();
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
      reschedule(job, openUntil); // no attempt while the endpoint's breaker is open
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

  private void reschedule(Job job, Instant at) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              NotificationEntity n = notifications.findById(job.id());
              if (n != null && n.status != NotificationStatus.SENT) {
                n.nextAttemptAt = at;
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
                  n.attempts++;
                  n.updatedAt = now;
                  if (error == null) {
                    n.status = NotificationStatus.SENT;
                    n.sentAt = now;
                    n.nextAttemptAt = null;
                    latency(n, now);
                  } else {
                    n.lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
                    LOG.infof(
                        "%s notification %s failed (attempt %d): %s",
                        n.channel, n.id, n.attempts, n.lastError);
                    if (n.attempts >= config.retry().attempts()) {
                      n.status = NotificationStatus.DEAD;
                      n.nextAttemptAt = null;
                    } else {
                      n.status = NotificationStatus.FAILED;
                      n.nextAttemptAt =
                          schedule.retryAt(now, n.attempts, ThreadLocalRandom.current());
                    }
                  }
                  metrics
                      .counter(
                          "garagematch.notifications.attempts",
                          "channel",
                          n.channel.name(),
                          "status",
                          n.status.name())
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
