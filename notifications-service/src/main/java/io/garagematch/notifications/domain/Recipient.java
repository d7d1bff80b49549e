package io.garagematch.notifications.domain;

import java.util.Set;
import java.util.UUID;

/**
 * Someone a notification can go to: an expert or a webhook subscription, reduced to what routing
 * decides on.
 */
public sealed interface Recipient {

  UUID id();

  /** The business unit the recipient belongs to (who may see its deliveries). */
  String businessUnit();

  record Expert(UUID id, ExpertSpec spec) implements Recipient {
    @Override
    public String businessUnit() {
      return spec.businessUnit();
    }
  }

  record Subscription(UUID id, SubscriptionSpec spec) implements Recipient {
    @Override
    public String businessUnit() {
      return spec.businessUnit();
    }
  }

  /** A partner's subscription to its own startups' outcomes; it belongs to no business unit. */
  record Partner(UUID id, String partnerId, PartnerSubscriptionSpec spec) implements Recipient {
    @Override
    public String businessUnit() {
      return null;
    }
  }

  /** One notification to create: to whom, by which channel. */
  record Delivery(Recipient recipient, Channel channel) {
    public String kind() {
      if (recipient instanceof Expert) {
        return "EXPERT";
      }
      return recipient instanceof Partner ? "PARTNER" : "SUBSCRIPTION";
    }
  }

  /** The kinds of recipient, as stored. */
  Set<String> KINDS = Set.of("EXPERT", "SUBSCRIPTION", "PARTNER");
}
