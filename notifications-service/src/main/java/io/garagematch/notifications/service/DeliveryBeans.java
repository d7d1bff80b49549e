package io.garagematch.notifications.service;

import io.garagematch.notifications.domain.CircuitBreakers;
import io.garagematch.notifications.domain.DeliverySchedule;
import io.garagematch.notifications.domain.Resolver;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.LocalTime;

/** The plain delivery classes, configured. */
public class DeliveryBeans {

  @Produces
  @Singleton
  DeliverySchedule schedule(NotificationsConfig config) {
    return new DeliverySchedule(
        LocalTime.parse(config.digestTime()), config.retry().first(), config.retry().maxDelay());
  }

  @Produces
  @Singleton
  CircuitBreakers breakers(NotificationsConfig config) {
    return new CircuitBreakers(config.breaker().failures(), config.breaker().openFor());
  }

  @Produces
  @Singleton
  InboxStream inboxStream(NotificationsConfig config) {
    return new InboxStream(config.inbox().maxStreamsPerExpert(), config.inbox().streamBuffer());
  }

  /** The notifications claimed and not done with yet, counted against their maximum. */
  @Produces
  @Singleton
  InFlight inFlight(NotificationsConfig config) {
    return new InFlight(config.dispatcher().maxInFlight());
  }

  /** How webhook hosts are looked up: the JDK's resolver. */
  @Produces
  @Singleton
  Resolver resolver() {
    return Resolver.SYSTEM;
  }
}
