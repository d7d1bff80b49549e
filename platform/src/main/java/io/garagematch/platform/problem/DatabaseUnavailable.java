package io.garagematch.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure means the database cannot be reached right now (restarting, failing over, the
 * network between): a request that met it may be sent again in a moment, so it is answered 503 with
 * {@code Retry-After}, not 500. Read from the SQL state of any {@link SQLException} among the
 * causes (and suppressed exceptions): class 08 (connection exception), 57P01–57P03 (the server
 * shutting down or starting up), or the pool giving up waiting for a connection.
 */
public final class DatabaseUnavailable {

  /** What a 503 for an unreachable database tells the client to wait, in seconds. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseUnavailable() {}

  public static boolean causes(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    todo.push(failure);
    while (!todo.isEmpty()) {
      Throwable t = todo.pop();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof SQLException sql && unreachable(sql)) {
        return true;
      }
      if (t.getCause() != null) {
        todo.push(t.getCause());
      }
      for (Throwable s : t.getSuppressed()) {
        todo.push(s);
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        todo.push(sql.getNextException());
      }
    }
    return false;
  }

  private static boolean unreachable(SQLException e) {
    String state = e.getSQLState();
    if (state != null) {
      return state.startsWith("08")
          || state.equals("57P01") // admin shutdown
          || state.equals("57P02") // crash shutdown
          || state.equals("57P03"); // cannot connect now: starting up
    }
    // Agroal's "Acquisition timeout while waiting for new connection" has no SQL state
    return e instanceof SQLTransientConnectionException
        || e.getMessage() != null && e.getMessage().startsWith("Acquisition timeout");
  }
}
