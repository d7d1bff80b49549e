package io.garagematch.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class CountGaugesTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** What the fake database answers to the next count; null: it fails. */
  List<Object[]> rows = new ArrayList<>();

  final List<Integer> timeouts = new ArrayList<>();

  @Test
  void eachStateReadsItsCountAndAStateWithoutRowsReadsZero() {
    CountGauges gauges = byColour();
    rows = List.of(new Object[] {"RED", 3L}, new Object[] {"GREEN", 1L});
    gauges.refresh();

    assertThat(colour("RED")).isEqualTo(3);
    assertThat(colour("GREEN")).isEqualTo(1);
    assertThat(colour("BLUE")).isZero();
    assertThat(registry.find("things").gauges())
        .as("a state the query knows but the gauges do not name is left out")
        .hasSize(3);
    assertThat(timeouts).containsExactly(CountGauges.QUERY_TIMEOUT_SECONDS);
  }

  @Test
  void aGaugeIsUnknownUntilTheFirstCountAndAfterAFailedOne() {
    CountGauges gauges = byColour().total("total", "All things", "select count(*) from thing");
    assertThat(colour("RED")).isNaN();
    assertThat(registry.get("total").gauge().value()).isNaN();

    rows = List.<Object[]>of(new Object[] {"RED", 2L});
    gauges.refresh();
    assertThat(colour("RED")).isEqualTo(2);

    rows = null;
    gauges.refresh();
    assertThat(colour("RED")).isNaN();
    assertThat(registry.get("total").gauge().value()).isNaN();
  }

  @Test
  void aTotalReadsTheOneCountItsQueryReturns() {
    CountGauges gauges =
        new CountGauges(registry, dataSource()).total("total", "All things", "select ...");
    rows = List.<Object[]>of(new Object[] {7L});
    gauges.refresh();
    assertThat(registry.get("total").gauge().value()).isEqualTo(7);
    assertThat(registry.get("total").gauge().getId().getDescription()).isEqualTo("All things");
  }

  private CountGauges byColour() {
    return new CountGauges(registry, dataSource())
        .byState(
            "things",
            "Things by colour",
            "colour",
            List.of("RED", "GREEN", "BLUE"),
            "select colour, count(*) from thing group by colour");
  }

  private double colour(String colour) {
    return registry.get("things").tag("colour", colour).gauge().value();
  }

  /** A database that answers every query with {@link #rows}, or fails when they are null. */
  private DataSource dataSource() {
    return proxy(
        DataSource.class,
        (method, args) -> {
          if (rows == null) {
            throw new SQLException("the database is down");
          }
          return proxy(
              Connection.class,
              (m, a) ->
                  switch (m) {
                    case "createStatement" -> statement();
                    default -> null;
                  });
        });
  }

  private Statement statement() {
    return proxy(
        Statement.class,
        (m, a) ->
            switch (m) {
              case "setQueryTimeout" -> {
                timeouts.add((Integer) a[0]);
                yield null;
              }
              case "executeQuery" -> resultSet(rows.iterator());
              default -> null;
            });
  }

  private ResultSet resultSet(Iterator<Object[]> it) {
    Object[][] current = new Object[1][];
    return proxy(
        ResultSet.class,
        (m, a) ->
            switch (m) {
              case "next" -> {
                current[0] = it.hasNext() ? it.next() : null;
                yield current[0] != null;
              }
              case "getString" -> (String) current[0][(Integer) a[0] - 1];
              case "getLong" -> (Long) current[0][(Integer) a[0] - 1];
              default -> null;
            });
  }

  interface Answer {
    Object answer(String method, Object[] args) throws Exception;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Answer answer) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) -> answer.answer(method.getName(), args));
  }
}
