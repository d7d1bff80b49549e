package io.garagematch.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Gauges of how many rows stand in each state, read from the last count that {@link #refresh()}
 * made: a scrape never waits on the database. A service calls {@code refresh()} from a
 * {@code @Scheduled} method ({@code garagematch.metrics.gauges.refresh-every}).
 *
 * <p>Until the first count, and after a count failed, a gauge reads NaN (unknown), never a zero
 * that looks like a fact. Every instance of a service counts the same database: aggregate with
 * {@code max}, not {@code sum}.
 */
public final class CountGauges {

  private static final Logger LOG = Logger.getLogger(CountGauges.class);

  /** The longest a count may take before it is given up (and its gauges read NaN). */
  static final int QUERY_TIMEOUT_SECONDS = 10;

  private static final String TOTAL = "";

  private final MeterRegistry registry;
  private final DataSource dataSource;
  private final List<Query> queries = new ArrayList<>();

  public CountGauges(MeterRegistry registry, DataSource dataSource) {
    this.registry = registry;
    this.dataSource = dataSource;
  }

  /**
   * One gauge {@code name{tag=state}} for each of {@code states}. {@code sql} returns rows of
   * (state, count); a state without a row counts 0, a row of another state is left out.
   */
  public CountGauges byState(
      String name, String description, String tag, Collection<String> states, String sql) {
    Query query = new Query(sql, true);
    for (String state : states) {
      Gauge.builder(name, query, q -> q.value(state))
          .description(description)
          .tag(tag, state)
          .strongReference(true)
          .register(registry);
    }
    queries.add(query);
    return this;
  }

  /** One gauge {@code name}; {@code sql} returns one row with the count. */
  public CountGauges total(String name, String description, String sql) {
    Query query = new Query(sql, false);
    Gauge.builder(name, query, q -> q.value(TOTAL))
        .description(description)
        .strongReference(true)
        .register(registry);
    queries.add(query);
    return this;
  }

  /**
   * The platform outbox's events that the broker has not acknowledged yet ({@code
   * garagematch.outbox.pending}): near zero while Kafka is reachable, growing while it is not.
   */
  public CountGauges outboxPending() {
    return total(
        "garagematch.outbox.pending",
        "Events in the outbox not yet acknowledged by the broker",
        "select count(*) from outbox_event where sent_at is null");
  }

  /** Counts again, one query after the other; a failed count leaves its gauges NaN. */
  public void refresh() {
    for (Query query : queries) {
      try {
        query.counts = query.count(dataSource);
      } catch (SQLException | RuntimeException e) {
        query.counts = null;
        LOG.warnf("counting for a gauge failed (it reads NaN until the next count): %s", e);
      }
    }
  }

  private static final class Query {
    private final String sql;
    private final boolean byState;

    /** The last counts by state ({@link #TOTAL} for a total); null: unknown. */
    private volatile Map<String, Long> counts;

    Query(String sql, boolean byState) {
      this.sql = sql;
      this.byState = byState;
    }

    double value(String state) {
      Map<String, Long> c = counts;
      return c == null ? Double.NaN : c.getOrDefault(state, 0L);
    }

    Map<String, Long> count(DataSource dataSource) throws SQLException {
      Map<String, Long> result = new HashMap<>();
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        try (ResultSet rs = s.executeQuery(sql)) {
          while (rs.next()) {
            if (byState) {
              if (rs.getString(1) != null) {
                result.put(rs.getString(1), rs.getLong(2));
              }
            } else {
              result.put(TOTAL, rs.getLong(1));
            }
          }
        }
      }
      return Map.copyOf(result);
    }
  }
}
