package io.garagematch.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  @Test
  void aConnectionFailureAnywhereAmongTheCausesIsUnavailability() {
    SQLException io =
        new SQLException("An I/O error occurred while sending to the backend", "08006");
    assertThat(DatabaseUnavailable.causes(io)).isTrue();
    assertThat(
            DatabaseUnavailable.causes(
                new RuntimeException("commit", new IllegalStateException(io))))
        .isTrue();
    RuntimeException suppressed = new RuntimeException("rollback failed");
    suppressed.addSuppressed(io);
    assertThat(DatabaseUnavailable.causes(suppressed)).isTrue();
    SQLException chained = new SQLException("batch", "23505");
    chained.setNextException(io);
    assertThat(DatabaseUnavailable.causes(chained)).isTrue();
  }

  @Test
  void shutdownStartupAndAnExhaustedPoolAreUnavailability() {
    assertThat(DatabaseUnavailable.causes(new SQLException("terminating", "57P01"))).isTrue();
    assertThat(DatabaseUnavailable.causes(new SQLException("crash", "57P02"))).isTrue();
    assertThat(DatabaseUnavailable.causes(new SQLException("starting up", "57P03"))).isTrue();
    assertThat(
            DatabaseUnavailable.causes(
                new SQLException("Acquisition timeout while waiting for new connection")))
        .isTrue();
    assertThat(DatabaseUnavailable.causes(new SQLTransientConnectionException("pool closed")))
        .isTrue();
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertThat(DatabaseUnavailable.causes(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(DatabaseUnavailable.causes(new SQLException("syntax error", "42601"))).isFalse();
    assertThat(DatabaseUnavailable.causes(new SQLException("no state"))).isFalse();
    assertThat(DatabaseUnavailable.causes(new IllegalStateException("not SQL at all"))).isFalse();
    // a cause that refers back to its own chain ends the walk
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.addSuppressed(b);
    assertThat(DatabaseUnavailable.causes(b)).isFalse();
  }
}
