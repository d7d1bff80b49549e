package io.garagematch.systemtests;

import io.garagematch.infra.LocalCatchers;
import io.garagematch.infra.LocalPostgres;
import io.garagematch.infra.Ports;
import io.garagematch.infra.TestInfra;
import io.garagematch.infra.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The three packaged services over the test JVM's broker and database, started once for every
 * system test that asks for them (a parameter of type {@link Services}) and stopped when the test
 * run ends. Starting them costs about 30 s, so test classes share them.
 *
 * <p>Settings every system test can live with: webhooks may point at 127.0.0.1 (the tests' dead
 * endpoints), a failed delivery is retried once after 200 ms and then DEAD, and endpoints are never
 * left alone by the circuit breaker, so a test gets a DEAD notification within a second while a
 * passing fault (an SMTP answer lost on the way) still ends in a delivery.
 */
final class RunningServices implements ParameterResolver {

  /**
   * The running services; their data is shared, so tests make their own and look at only that. What
   * notifications-service sends is caught in {@code caught}: e-mails as {@code mail/*.eml}, webhook
   * requests to {@code hooksUrl} in {@code webhooks.log} ({@link LocalCatchers}).
   */
  record Services(
      ServiceProcess applications,
      ServiceProcess matching,
      ServiceProcess notifications,
      LocalCatchers catchers,
      Path caught,
      String hooksUrl)
      implements AutoCloseable {

    @Override
    public void close() throws Exception {
      for (ServiceProcess s : new ServiceProcess[] {applications, matching, notifications}) {
        if (s != null) {
          s.close();
        }
      }
      if (catchers != null) {
        catchers.close();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Services.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(Startup.class, k -> Startup.run(), Startup.class)
        .services();
  }

  /** The outcome of starting the services, kept so that a failed start is not tried again. */
  private record Startup(Services started, RuntimeException failure) implements AutoCloseable {

    static Startup run() {
      try {
        return new Startup(start(), null);
      } catch (RuntimeException e) {
        return new Startup(null, e);
      }
    }

    Services services() {
      if (failure != null) {
        throw failure;
      }
      return started;
    }

    @Override
    public void close() throws Exception {
      if (started != null) {
        started.close();
      }
    }
  }

  private static Services start() {
    TestInfra infra = TestInfra.get();
    return start(infra.bootstrapServers(), infra.postgres(), "", Path.of("target"), Map.of());
  }

  /**
   * Starts the three services over {@code bootstrapServers} and {@code postgres}, each on its
   * database {@code <prefix>applications} (likewise the others), with catchers under {@code dir};
   * {@code notificationsSettings} override notifications-service's settings above.
   */
  static Services start(
      String bootstrapServers,
      LocalPostgres postgres,
      String databasePrefix,
      Path dir,
      Map<String, String> notificationsSettings) {
    ServiceProcess applications = null;
    ServiceProcess matching = null;
    LocalCatchers catchers = null;
    try {
      Path caught = Files.createDirectories(dir.resolve("caught-" + System.nanoTime()));
      int smtpPort = Ports.free();
      int hooksPort = Ports.free();
      catchers = new LocalCatchers(caught, smtpPort, hooksPort);
      String applicationsDb = databasePrefix + "applications";
      String matchingDb = databasePrefix + "matching";
      String notificationsDb = databasePrefix + "notifications";
      postgres.ensureDatabase(applicationsDb);
      postgres.ensureDatabase(matchingDb);
      postgres.ensureDatabase(notificationsDb);
      Path key = Files.createDirectories(Path.of("target", "jwt")).resolve("public.pem");
      Files.writeString(key, TestTokens.publicKeyPem());
      Map<String, String> common =
          Map.of(
              "KAFKA_BOOTSTRAP_SERVERS",
              bootstrapServers,
              "JWT_PUBLIC_KEY_LOCATION",
              key.toAbsolutePath().toString(),
              "OTEL_TRACES_SAMPLER",
              "always_off", // no collector here: trace ids, no export
              "LOG_JSON",
              "false",
              // the tests send many requests at once as one subject (and without a token)
              "RATE_LIMIT_ENABLED",
              "false");
      applications =
          ServiceProcess.start(
              "applications-service",
              with(common, Map.of("DB_URL", postgres.jdbcUrl(applicationsDb))));
      matching =
          ServiceProcess.start(
              "matching-service", with(common, Map.of("DB_URL", postgres.jdbcUrl(matchingDb))));
      ServiceProcess notifications =
          ServiceProcess.start(
              "notifications-service",
              with(
                  common,
                  Map.of(
                      "DB_URL",
                      postgres.jdbcUrl(notificationsDb),
                      "WEBHOOKS_ALLOW_PRIVATE",
                      "true",
                      "SMTP_HOST",
                      "127.0.0.1",
                      "SMTP_PORT",
                      String.valueOf(smtpPort),
                      "GARAGEMATCH_NOTIFICATIONS_RETRY_ATTEMPTS",
                      "2",
                      "GARAGEMATCH_NOTIFICATIONS_RETRY_FIRST",
                      "200MS",
                      "GARAGEMATCH_NOTIFICATIONS_BREAKER_FAILURES",
                      "1000"),
                  notificationsSettings));
      return new Services(
          applications,
          matching,
          notifications,
          catchers,
          caught.toAbsolutePath(),
          "http://127.0.0.1:" + hooksPort);
    } catch (Exception e) {
      try {
        new Services(applications, matching, null, catchers, null, null).close();
      } catch (Exception stop) {
        e.addSuppressed(stop);
      }
      throw new IllegalStateException("could not start the services", e);
    }
  }

  @SafeVarargs
  private static Map<String, String> with(Map<String, String> env, Map<String, String>... more) {
    Map<String, String> all = new HashMap<>(env);
    for (Map<String, String> m : more) {
      all.putAll(m);
    }
    return all;
  }
}
