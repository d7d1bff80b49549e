package io.garagematch.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The broker and the database server of one test JVM: started on first use on free ports with fresh
 * data directories under {@code target/}, stopped when the JVM exits.
 */
public final class TestInfra {

  private static TestInfra instance;

  private EmbeddedKafka kafka;
  private boolean kafkaRunning = true;
  private final LocalPostgres postgres;

  private TestInfra(EmbeddedKafka kafka, LocalPostgres postgres) {
    this.kafka = kafka;
    this.postgres = postgres;
  }

  public static synchronized TestInfra get() {
    if (instance == null) {
      instance = startFresh();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-infra-stop"));
    }
    return instance;
  }

  private static TestInfra startFresh() {
    try {
      Path target = Files.createDirectories(Path.of("target"));
      Path dir = Files.createTempDirectory(target, "embedded-infra-");
      LocalPostgres postgres =
          LocalPostgres.start(Ports.free(), dir.resolve("pgdata"), target.resolve("pg-bin"), false);
      EmbeddedKafka kafka = EmbeddedKafka.start(Ports.free(), dir.resolve("kafka"));
      return new TestInfra(kafka, postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the test broker and database", e);
    }
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** Stops the broker, to test what happens while Kafka is down. */
  public synchronized void stopKafka() {
    if (kafkaRunning) {
      kafka.close();
      kafkaRunning = false;
    }
  }

  /** Starts the broker again after {@link #stopKafka()}, on the same port with the same data. */
  public synchronized void startKafka() {
    if (!kafkaRunning) {
      try {
        kafka = kafka.restart();
        kafkaRunning = true;
      } catch (IOException e) {
        throw new UncheckedIOException("could not restart the test broker", e);
      }
    }
  }

  /** The test database server, e.g. to start services of one's own over it. */
  public LocalPostgres postgres() {
    return postgres;
  }

  public String jdbcUrl(String database) {
    return postgres.jdbcUrl(database);
  }

  public void ensureDatabase(String database) {
    try {
      postgres.ensureDatabase(database);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database, e);
    }
  }

  private synchronized void stop() {
    try {
      if (kafkaRunning) {
        kafka.close();
      }
    } finally {
      try {
        postgres.close();
      } catch (IOException e) {
        System.err.println("stopping the test PostgreSQL failed: " + e);
      }
    }
  }
}
