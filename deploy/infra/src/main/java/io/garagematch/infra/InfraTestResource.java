package io.garagematch.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a service's {@code @QuarkusTest}s at a real Kafka broker and a real PostgreSQL database of
 * its own, and at the test key that {@link TestTokens} signs with.
 *
 * <p>Init arg {@code database}: the service's database name. The broker and the server are started
 * once per test JVM (see {@link TestInfra}) and stop when it exits.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

  private String database = "garagematch";

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault("database", database);
  }

  @Override
  public Map<String, String> start() {
    TestInfra infra = TestInfra.get();
    infra.ensureDatabase(database);
    return Map.of(
        "kafka.bootstrap.servers",
        infra.bootstrapServers(),
        "quarkus.datasource.jdbc.url",
        infra.jdbcUrl(database),
        "quarkus.datasource.username",
        LocalPostgres.USER,
        "quarkus.datasource.password",
        LocalPostgres.PASSWORD,
        "mp.jwt.verify.publickey",
        TestTokens.publicKeyPem(),
        "mp.jwt.verify.issuer",
        Tokens.ISSUER);
  }

  @Override
  public void stop() {
    // TestInfra outlives a single Quarkus start: several test profiles share it in one JVM.
  }
}
