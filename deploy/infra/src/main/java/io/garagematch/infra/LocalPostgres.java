package io.garagematch.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** A real PostgreSQL server (zonky's packaged binaries) with one database per service. */
public final class LocalPostgres implements AutoCloseable {

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private final EmbeddedPostgres postgres;

  private LocalPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL on {@code port}. It trades durability for speed, as a laptop's stack and the
   * tests may: a commit returns before its WAL record is flushed ({@code synchronous_commit=off}),
   * so a machine crash can lose the last moments (never corrupt the data). With the environment
   * variable {@code PG_DURABLE=true} it flushes every commit, as production does ({@code
   * synchronous_commit=on}, {@code fsync=on}, {@code full_page_writes=on}).
   *
   * @param dataDir kept between starts when {@code keepData}, wiped otherwise
   * @param binariesDir where the binaries are unpacked (once)
   */
  public static LocalPostgres start(int port, Path dataDir, Path binariesDir, boolean keepData)
      throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(!keepData)
            .setOverrideWorkingDirectory(binariesDir.toFile());
    if (Boolean.parseBoolean(System.getenv("PG_DURABLE"))) {
      builder
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("fsync", "on")
          .setServerConfig("full_page_writes", "on");
    }
    EmbeddedPostgres pg = builder.start();
    return new LocalPostgres(pg);
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

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
