package io.garagematch.notifications.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.garagematch.contracts.erasure.ErasureConfirmation;
import io.garagematch.contracts.erasure.ErasureContract;
import io.garagematch.contracts.match.MatchData;
import io.garagematch.notifications.domain.Channel;
import io.garagematch.notifications.domain.Delivery;
import io.garagematch.notifications.domain.DeliveryMode;
import io.garagematch.notifications.domain.DeliverySchedule;
import io.garagematch.notifications.domain.EventType;
import io.garagematch.notifications.domain.MatchEvent;
import io.garagematch.notifications.domain.Recipient;
import io.garagematch.notifications.domain.Routing;
import io.garagematch.notifications.repository.ExpertRepository;
import io.garagematch.notifications.repository.NotificationEntity;
import io.garagematch.notifications.repository.NotificationRepository;
import io.garagematch.notifications.repository.PartnerSubscriptionRepository;
import io.garagematch.notifications.repository.ProcessedEvent;
import io.garagematch.notifications.repository.ProcessedEventRepository;
import io.garagematch.notifications.repository.SubscriptionRepository;
import io.garagematch.platform.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a match event into notifications, once: the event id is recorded in the same transaction as
 * the notifications it produced (and each notification is unique per event, recipient and channel),
 * so a redelivered event changes nothing. In-app items are delivered by being written; the others
 * are queued for the {@link Dispatcher}, woken after the commit.
 */
@ApplicationScoped
public class RoutingService {

  private final ProcessedEventRepository processed;
  private final ExpertRepository experts;
  private final SubscriptionRepository subscriptions;
  private final PartnerSubscriptionRepository partners;
  private final NotificationRepository notifications;
  private final DeliverySchedule schedule;
  private final Dispatcher dispatcher;
  private final InboxStream inbox;
  private final TransactionSynchronizationRegistry transactions;
  private final MeterRegistry metrics;
  private final Outbox outbox;
  private final String service;

  public RoutingService(
      ProcessedEventRepository processed,
      ExpertRepository experts,
      SubscriptionRepository subscriptions,
      PartnerSubscriptionRepository partners,
      NotificationRepository notifications,
      DeliverySchedule schedule,
      Dispatcher dispatcher,
      InboxStream inbox,
      TransactionSynchronizationRegistry transactions,
      MeterRegistry metrics,
      Outbox outbox,
      @ConfigProperty(name = "quarkus.application.name") String service) {
    this.outbox = outbox;
    this.service = service;
    this.processed = processed;
    this.experts = experts;
    this.subscriptions = subscriptions;
    this.partners = partners;
    this.notifications = notifications;
    this.schedule = schedule;
    this.dispatcher = dispatcher;
    this.inbox = inbox;
    this.transactions = transactions;
    this.metrics = metrics;
  }

  /**
   * Routes the event (payload: the envelope webhooks receive). Returns how many notifications it
   * made; 0 for an event already routed.
   */
  @Transactional
  public int route(MatchEvent event, ObjectNode payload) {
    if (!markProcessed(event.id())) {
      return 0;
    }
    Instant now = Instant.now();
    MatchData d = event.data();
    notifications.matchStatus(d.id(), d.status(), now);
    if (notifications.isErased(d.applicationId())) {
      // sent before the erasure reached matching: nothing new about an erased startup, and
      // nothing of its identity in what is still told (a withdrawal, a decision)
      if (event.type() == EventType.PROPOSED
          || event.type() == EventType.UPDATED
          || event.type() == EventType.ASSIGNED) {
        return 0;
      }
      if (payload.path("data").path("startup").isObject()) {
        ((ObjectNode) payload.path("data").path("startup"))
            .put("name", "[erased]")
            .putNull("pitch");
      }
    }
    List<Recipient.Expert> candidates = new ArrayList<>();
    UUID expertId = Routing.expertToTell(event);
    if (expertId != null) {
      experts
          .findByIdOptional(expertId)
          .ifPresent(e -> candidates.add(new Recipient.Expert(e.id, e.spec)));
    }
    List<Recipient.Subscription> subs =
        subscriptions.listAll().stream()
            .map(s -> new Recipient.Subscription(s.id, s.spec))
            .toList();
    List<Recipient.Partner> partnerSubs =
        d.partnerId() == null
            ? List.of()
            : partners.ofPartner(d.partnerId()).stream()
                .map(p -> new Recipient.Partner(p.id, p.partnerId, p.spec))
                .toList();
    List<InboxItem> inApp = new ArrayList<>();
    List<Recipient.Delivery> deliveries = Routing.route(event, candidates, subs, partnerSubs);
    for (Recipient.Delivery delivery : deliveries) {
      NotificationEntity n = notification(event, payload, delivery, now);
      notifications.persist(n);
      if (n.channel == Channel.IN_APP) {
        inApp.add(InboxItem.of(n));
      }
      Counter.builder("garagematch.notifications.created")
          .description("Notifications routed, by channel and event")
          .tag("channel", n.channel.name())
          .tag("event", event.type().typeName())
          .register(metrics)
          .increment();
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
              inApp.forEach(inbox::publish);
              dispatcher.wake();
            }
          }
        });
    return deliveries.size();
  }

  private boolean markProcessed(String eventId) {
    if (processed.findByIdOptional(eventId).isPresent()) {
      return false;
    }
    ProcessedEvent p = new ProcessedEvent();
    p.eventId = eventId;
    p.processedAt = Instant.now();
    processed.persist(p);
    return true;
  }

  private NotificationEntity notification(
      MatchEvent event, ObjectNode payload, Recipient.Delivery delivery, Instant now) {
    MatchData d = event.data();
    NotificationEntity n = new NotificationEntity();
    n.id = UUID.randomUUID();
    n.eventId = event.id();
    n.eventType = event.type().typeName();
    n.recipientKind = delivery.kind();
    n.recipientId = delivery.recipient().id();
    n.businessUnit = delivery.recipient().businessUnit();
    n.channel = delivery.channel();
    n.matchId = d.id();
    n.needId = d.needId();
    n.applicationId = d.applicationId();
    n.matchStatus = d.status();
    n.score = d.score();
    n.payload = delivery.recipient() instanceof Recipient.Partner ? outcomeOnly(payload) : payload;
    n.createdAt = now;
    if (n.channel == Channel.IN_APP) {
      n.record(Delivery.deliveredInApp(now));
    } else if (delivery.recipient() instanceof Recipient.Expert e) {
      n.record(Delivery.queued(schedule.firstAttempt(now, e.spec().preferences(), n.channel), now));
      n.digest = n.channel == Channel.EMAIL && e.spec().delivery() == DeliveryMode.DAILY_DIGEST;
    } else {
      n.record(Delivery.queued(now, now));
    }
    return n;
  }

  /**
   * What a partner is told of a match event: the envelope with the outcome only — the match, its
   * business unit, the need's title, the status and dates; no score, evidence, decision notes or
   * anything of the startup beyond its id.
   */
  static ObjectNode outcomeOnly(ObjectNode envelope) {
    ObjectNode out = envelope.deepCopy();
    JsonNode d = envelope.path("data");
    ObjectNode data = out.putObject("data");
    data.put("matchId", d.path("id").asText());
    data.put("applicationId", d.path("applicationId").asText());
    data.put("businessUnit", d.path("businessUnit").asText());
    data.put("needTitle", d.path("need").path("title").asText(null));
    data.put("status", d.path("status").asText());
    data.set("createdAt", d.path("createdAt").isMissingNode() ? null : d.path("createdAt"));
    data.set("updatedAt", d.path("updatedAt"));
    return out;
  }

  /**
   * Removes an erased startup's name and pitch from what is stored about it (delivered or not),
   * remembers the erasure for events still on their way, and confirms it on {@code
   * erasure-confirmations}; all in one transaction.
   */
  @Transactional
  public int eraseStartup(String eventId, UUID applicationId) {
    if (!markProcessed(eventId)) {
      return 0;
    }
    Instant now = Instant.now();
    int scrubbed = notifications.eraseStartup(applicationId, now);
    outbox.append(ErasureContract.completed(new ErasureConfirmation(applicationId, service, now)));
    return scrubbed;
  }
}
