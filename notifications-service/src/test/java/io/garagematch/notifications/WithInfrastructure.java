package io.garagematch.notifications;

import io.garagematch.infra.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against a real Kafka broker and a real PostgreSQL database. */
@QuarkusTestResource(
    value = InfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "notifications"))
public final class WithInfrastructure {
  private WithInfrastructure() {}
}
