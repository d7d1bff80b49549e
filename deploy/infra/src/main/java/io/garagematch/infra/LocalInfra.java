package io.garagematch.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's infrastructure process: a Kafka broker and a PostgreSQL server with one
 * database per service, data kept under the state directory between runs. Started and stopped by
 * {@code ./garagematch}.
 *
 * <pre>
 * java -cp ... io.garagematch.infra.LocalInfra STATE_DIR KAFKA_PORT|external PG_PORT|external DB...
 * </pre>
 *
 * <p>With {@code -Dgaragematch.smtp.port} and {@code -Dgaragematch.hooks.port} it also runs the
 * {@link LocalCatchers} (an SMTP server and a webhook receiver that keep what they receive).
 *
 * <p>When both are up it writes {@code STATE_DIR/infra.ready}; it stops both on SIGTERM.
 */
public final class LocalInfra {

  private LocalInfra() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: LocalInfra STATE_DIR KAFKA_PORT|external PG_PORT|external [DATABASE...]");
      System.exit(2);
    }
    Path state = Path.of(args[0]).toAbsolutePath();
    Path ready = state.resolve("infra.ready");
    Files.deleteIfExists(ready);
    List<AutoCloseable> started = new ArrayList<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (int i = started.size() - 1; i >= 0; i--) {
                    closeQuietly(started.get(i));
                  }
                },
                "local-infra-stop"));
    StringBuilder summary = new StringBuilder();
    if (!"external".equals(args[2])) {
      long t0 = System.nanoTime();
      LocalPostgres pg =
          LocalPostgres.start(
              Integer.parseInt(args[2]), state.resolve("pgdata"), state.resolve("pg-bin"), true);
      started.add(pg);
      for (int i = 3; i < args.length; i++) {
        pg.ensureDatabase(args[i]);
      }
      summary.append("postgres=").append(pg.jdbcUrl("")).append('\n');
      reportReady("PostgreSQL :" + args[2], t0);
    }
    if (!"external".equals(args[1])) {
      long t0 = System.nanoTime();
      EmbeddedKafka kafka = EmbeddedKafka.start(Integer.parseInt(args[1]), state.resolve("kafka"));
      started.add(kafka);
      summary.append("kafka=").append(kafka.bootstrapServers()).append('\n');
      reportReady("Kafka :" + args[1], t0);
    }
    String smtpPort = System.getProperty("garagematch.smtp.port");
    String hooksPort = System.getProperty("garagematch.hooks.port");
    if (smtpPort != null && hooksPort != null) {
      started.add(
          new LocalCatchers(state, Integer.parseInt(smtpPort), Integer.parseInt(hooksPort)));
      summary.append("smtp=127.0.0.1:").append(smtpPort).append('\n');
      summary.append("webhooks=http://127.0.0.1:").append(hooksPort).append('\n');
    }
    Files.writeString(ready, summary);
    System.out.print("local infrastructure ready\n" + summary);
    new CountDownLatch(1).await();
  }

  /** One line per part, read by {@code ./garagematch up} to show what each step took. */
  private static void reportReady(String what, long startNanos) {
    System.out.printf(
        Locale.ROOT, "  %-42s ready in %.1f s%n", what, (System.nanoTime() - startNanos) / 1e9);
    System.out.flush();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      System.err.println("stopping " + c + " failed: " + e);
    }
  }
}
