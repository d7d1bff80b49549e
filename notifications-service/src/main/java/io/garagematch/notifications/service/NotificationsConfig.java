package io.garagematch.notifications.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** {@code garagematch.notifications.*}: delivery settings (docs/webhooks.md explains them). */
@ConfigMapping(prefix = "garagematch.notifications")
public interface NotificationsConfig {

  /** Local time (HH:mm) at which daily digests go out, in each expert's time zone. */
  @WithDefault("08:00")
  String digestTime();

  Dispatch dispatcher();

  Webhooks webhooks();

  Retry retry();

  Breaker breaker();

  Inbox inbox();

  interface Dispatch {
    /**
     * Notifications one instance holds claimed at once, from the claim until the outcome is
     * recorded: the dispatcher claims no more than there is room for, whatever the backlog.
     */
    @WithDefault("256")
    @Min(1)
    int maxInFlight();

    /**
     * E-mails sent at once, each on a mail thread of its own over a pooled SMTP connection; at most
     * {@code quarkus.mailer.max-pool-size}.
     */
    @WithDefault("8")
    @Min(1)
    int mailConcurrency();
  }

  interface Webhooks {
    /** How long a webhook receiver may take to answer. */
    @WithDefault("5S")
    Duration timeout();

    /** Whether webhook URLs may point into private networks (tests and the local stack only). */
    @WithDefault("false")
    boolean allowPrivate();
  }

  interface Retry {
    /** Delay before the first retry; doubled for each further one. */
    @WithDefault("10S")
    Duration first();

    /** Longest delay between two attempts. */
    @WithDefault("1H")
    Duration maxDelay();

    /** Attempts in all before a notification is DEAD. */
    @WithDefault("8")
    int attempts();
  }

  interface Breaker {
    /** Failures in a row after which a webhook endpoint is left alone. */
    @WithDefault("5")
    int failures();

    /** How long it is left alone. */
    @WithDefault("60S")
    Duration openFor();
  }

  interface Inbox {
    /** Server-Sent-Event streams one expert may hold open at once; a further one is a 429. */
    @WithDefault("5")
    int maxStreamsPerExpert();

    /** Items one stream holds for a client that reads slowly; one more ends that stream. */
    @WithDefault("1000")
    int streamBuffer();

    /**
     * How often an open stream without items sends a comment line, so that neither the server's
     * idle timeout nor a proxy's ends a quiet stream; well below {@code quarkus.http.idle-timeout}.
     */
    @WithDefault("15S")
    Duration heartbeat();
  }
}
