package io.garagematch.notifications;

import io.garagematch.infra.InfraTestResource;
import io.garagematch.notifications.support.SmtpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this module runs against a real Kafka broker, a real PostgreSQL database and a real
 * SMTP server.
 */
@QuarkusTestResource(
    value = InfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(SmtpServer.class)
public final class WithInfrastructure {
  private WithInfrastructure() {}
}
