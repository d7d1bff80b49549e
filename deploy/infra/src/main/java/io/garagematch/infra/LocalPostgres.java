package io.garagematch.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** A real PostgreSQL server (zonky's packaged binaries) with one database per service. */
public final class LocalPostgres implements AutoCloseable {

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private final int port;
  private final Path dataDir;
  private final Path binariesDir;
  private final boolean keepData;
  private final boolean durable;
  private volatile EmbeddedPostgres postgres;

  private LocalPostgres(int port, Path dataDir, Path binariesDir, boolean keepData, boolean durable)
      throws IOException {
    this.port = port;
    this.dataDir = dataDir;
    this.binariesDir = binariesDir;
    this.keepData = keepData;
    this.durable = durable;
    this.postgres = startServer(!keepData);
  }

  /**
   * Starts PostgreSQL on {@code port}. It trades durability for speed, as a laptop's stack and the
   * tests may: a commit returns before its WAL record is written ({@code synchronous_commit=off}),
   * so a crash of PostgreSQL or of the machine can lose the last moments (never corrupt the data).
   * With the environment variable {@code PG_DURABLE=true} it flushes every commit, as production
   * does.
   *
   * @param dataDir kept between starts when {@code keepData}, wiped otherwise
   * @param binariesDir where the binaries are unpacked (once)
   */
  public static LocalPostgres start(int port, Path dataDir, Path binariesDir, boolean keepData)
      throws IOException {
    return start(
        port, dataDir, binariesDir, keepData, Boolean.parseBoolean(System.getenv("PG_DURABLE")));
  }

  /**
   * As {@link #start(int, Path, Path, boolean)}; {@code durable}: every commit flushed before it
   * returns ({@code synchronous_commit=on}, {@code fsync=on}, {@code full_page_writes=on}).
   */
  public static LocalPostgres start(
      int port, Path dataDir, Path binariesDir, boolean keepData, boolean durable)
      throws IOException {
    return new LocalPostgres(port, dataDir, binariesDir, keepData, durable);
  }

  private EmbeddedPostgres startServer(boolean clean) throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(clean)
            .setOverrideWorkingDirectory(binariesDir.toFile());
    if (durable) {
      builder
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("fsync", "on")
          .setServerConfig("full_page_writes", "on");
    }
    return builder.start();
  }

  /** Creates {@code name} unless it exists. */
  public void ensureDatabase(String name) throws SQLException {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            c.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement create = c.createStatement()) {
        create.execute("create database " + name);
      }
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /**
   * Restarts the server as a crash would: SIGQUIT, PostgreSQL's immediate shutdown, ends every
   * backend without a checkpoint, and the server recovers from its WAL on the way up; same port,
   * same data. Returns when it accepts connections again. Only for a server that keeps its data
   * (without {@code durable}, commits of the last moments are lost, as in any crash).
   */
  public synchronized void restartImmediately()
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    if (!keepData) {
      throw new IllegalStateException("a server that wipes its data on stop cannot restart");
    }
    long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    ProcessHandle postmaster =
        ProcessHandle.of(pid).orElseThrow(() -> new IOException("no postmaster " + pid));
    new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start().waitFor();
    postmaster.onExit().get(60, TimeUnit.SECONDS);
    postgres.close(); // releases its lock on the data directory
    postgres = startServer(false);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
