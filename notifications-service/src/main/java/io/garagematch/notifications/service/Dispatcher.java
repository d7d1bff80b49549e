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
import io.micrometer.core.instrument.Gauge;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
 * <p>It holds no more than {@code dispatcher.max-in-flight} claimed notifications at once ({@link
 * InFlight}): it claims only as many as there is room for, and each one done with — its outcome
 * recorded, held by its breaker, or let go — gives its place back and wakes it to claim the next. A
 * backlog of any size stays in the database. E-mails wait for their turn on the mail threads
 * ({@code dispatcher.mail-concurrency} of them, each over a pooled SMTP connection); one whose
 * lease would run out before its send could end is let go unsent, and the next claim after the
 * lease sends it, once.
 *
 * <p>Woken after each routing commit, after each delivery done with, and once a second for retries
 * that come due.
 */
@ApplicationScoped
public class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class);

  /** The most notifications one claim takes, room permitting. */
  private static final int BATCH = 200;

  private final NotificationRepository notifications;
  private final ExpertRepository experts;
  private final SubscriptionRepository subscriptions;
  private final PartnerSubscriptionRepository partners;
  private final EmailSender email;
  private final WebhookSender webhooks;
  private final CircuitBreakers breakers;
  private final Delivery.Retries retries;
  private final NotificationsConfig config;
  private final InFlight inFlight;
  private final Duration mailTimeout;
  private final MeterRegistry metrics;
  private final Counter expiredLeases;
  private final ExecutorService loop =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "notification-dispatcher"));

  /** The mail threads: each sends one e-mail at a time, blocking on the SMTP conversation. */
  private final ExecutorService mail;

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
      InFlight inFlight,
      @ConfigProperty(name = "quarkus.mailer.timeout") Duration mailTimeout,
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
    this.inFlight = inFlight;
    this.mailTimeout = mailTimeout;
    this.metrics = metrics;
    AtomicInteger mailThreads = new AtomicInteger();
    this.mail =
        Executors.newFixedThreadPool(
            config.dispatcher().mailConcurrency(),
            r -> new Thread(r, "notification-mail-" + mailThreads.incrementAndGet()));
    Gauge.builder("garagematch.notifications.in.flight", inFlight, InFlight::count)
        .description(
            "Notifications this instance has claimed and not yet done with; at most"
                + " garagematch.notifications.dispatcher.max-in-flight")
        .register(metrics);
    this.expiredLeases =
        Counter.builder("garagematch.notifications.lease.expired")
            .description(
                "E-mails not sent because their lease would have run out before the send could"
                    + " end; each is claimed again once the lease has run out")
            .register(metrics);
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
        while (!stopped) {
          int room = Math.min(BATCH, inFlight.free());
          if (room == 0) {
            break; // full: each delivery done with wakes the dispatcher again
          }
          List<Job> jobs = claim(room);
          inFlight.take(jobs.size());
          start(jobs);
          if (jobs.size() < room) {
            break; // nothing more is due
          }
        }
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

  /**
   * Claims up to {@code limit} due notifications: their next attempt moves past the lease while
   * they are in flight.
   */
  private List<Job> claim(int limit) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Instant now = Instant.now();
              List<Job> jobs = new ArrayList<>();
              for (NotificationEntity n : notifications.lockDue(now, limit)) {
                Delivery claimed = n.delivery().claimed(now, longestAttempt(n.channel));
                Job job = job(n, claimed, now);
                if (job == null) {
                  continue; // given up inside job()
                }
                n.record(claimed);
                jobs.add(job);
              }
              return jobs;
            });
  }

  /** The longest one attempt may take on the channel: an e-mail's send, a webhook's request. */
  private Duration longestAttempt(Channel channel) {
    return channel == Channel.EMAIL ? mailTimeout : config.webhooks().timeout();
  }

  /**
   * What the delivery needs, as {@code claimed}; null (and the notification DEAD) when its
   * recipient is gone.
   */
  private Job job(NotificationEntity n, Delivery claimed, Instant now) {
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
          e.webhookSecret,
          claimed);
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
          p.secret,
          claimed);
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
        n.id,
        n.channel,
        n.recipientId,
        false,
        n.attempts,
        n.payload,
        null,
        s.spec.url(),
        s.secret,
        claimed);
  }

  private static void giveUp(NotificationEntity n, String reason, Instant now) {
    n.record(n.delivery().givenUp(reason, now));
  }

  /** Starts the claimed deliveries: a digest's rows of one expert go out as one e-mail. */
  private void start(List<Job> jobs) {
    Map<UUID, List<Job>> digests = new LinkedHashMap<>();
    for (Job job : jobs) {
      if (job.channel() == Channel.EMAIL && job.digest()) {
        digests.computeIfAbsent(job.recipientId(), k -> new ArrayList<>()).add(job);
      } else {
        startDelivery(List.of(job));
      }
    }
    digests.values().forEach(this::startDelivery);
  }

  /**
   * Starts one delivery: a webhook, or an e-mail (of one notification, or of a digest's). Whichever
   * way it ends — recorded, held, let go, or not even started — its jobs are done with once.
   */
  private void startDelivery(List<Job> jobs) {
    Job first = jobs.get(0);
    try {
      if (first.channel() == Channel.WEBHOOK) {
        startWebhook(first);
      } else if (first.channel() == Channel.EMAIL) {
        startMail(jobs, first.digest() ? () -> email.sendDigest(jobs) : () -> email.send(first));
      } else {
        done(jobs); // only e-mails and webhooks wait to be delivered
      }
    } catch (RuntimeException e) {
      if (!stopped) { // stopping, the mail thread takes no more
        LOG.warnf(e, "a delivery could not be started; it is claimed again after its lease");
      }
      done(jobs);
    }
  }

  /**
   * Sends on a mail thread, one e-mail per thread at a time. When the jobs' turn comes too late for
   * their lease to cover the send ({@link Delivery#leaseCovers}), or the service is stopping, they
   * are let go unsent: the claim after the lease sends them.
   */
  private void startMail(List<Job> jobs, Supplier<String> send) {
    mail.execute(
        () -> {
          Instant now = Instant.now();
          if (!stopped && jobs.stream().allMatch(j -> j.claim().leaseCovers(now, mailTimeout))) {
            finish(jobs, attempt(send));
          } else {
            letGo(jobs);
          }
        });
  }

  /** The outcome of one attempt: null when delivered, else the error — never an exception. */
  private static String attempt(Supplier<String> send) {
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
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                NotificationEntity n = notifications.findById(job.id());
                if (n != null) {
                  n.record(n.delivery().heldUntil(until));
                }
              });
    } catch (RuntimeException e) {
      LOG.warnf(e, "holding a delivery failed; the lease expires and it is retried");
    } finally {
      done(List.of(job));
    }
  }

  /** Not attempted: each stays as claimed, due again once its lease has run out. */
  private void letGo(List<Job> jobs) {
    if (!stopped) {
      expiredLeases.increment(jobs.size());
      jobs.forEach(
          j ->
              LOG.infof(
                  "%s notification %s waited too long for its turn; it goes with the next claim"
                      + " after %s",
                  j.channel(), j.id(), j.claim().nextAttemptAt()));
    }
    done(jobs);
  }

  /** Gives back the places of jobs done with, and wakes the dispatcher to fill them. */
  private void done(List<Job> jobs) {
    inFlight.release(jobs.size());
    wake();
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
    } finally {
      done(jobs); // and a short back-off may already be due
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
