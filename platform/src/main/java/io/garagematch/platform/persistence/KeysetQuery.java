package io.garagematch.platform.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The HQL of one page of a list in keyset order — by a time, then by id, as a {@link Cursor} names
 * a position — for Panache's {@code find(query(), parameters()).page(0, limit)}: conditions joined
 * with {@code and}, then the position to read after, then the order.
 *
 * <pre>{@code
 * KeysetQuery q = KeysetQuery.oldestFirst("updatedAt")
 *     .where("partnerId = :partner", "partner", partnerId)
 *     .whereGiven("status = :status", "status", status)
 *     .after(afterAt, afterId);
 * }</pre>
 */
public final class KeysetQuery {

  private final String time;
  private final boolean newestFirst;
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> parameters = new HashMap<>();

  private KeysetQuery(String time, boolean newestFirst) {
    this.time = time;
    this.newestFirst = newestFirst;
  }

  /** Ordered by {@code (time, id)}: each page after the last item of the one before. */
  public static KeysetQuery oldestFirst(String time) {
    return new KeysetQuery(time, false);
  }

  /** Ordered by {@code (time, id)} descending: each page before the last item of the one before. */
  public static KeysetQuery newestFirst(String time) {
    return new KeysetQuery(time, true);
  }

  /** A condition without parameters, e.g. {@code readAt is null}. */
  public KeysetQuery where(String condition) {
    conditions.add(condition);
    return this;
  }

  /** A condition with its one named parameter, e.g. {@code partnerId = :partner}. */
  public KeysetQuery where(String condition, String parameter, Object value) {
    parameters.put(parameter, value);
    return where(condition);
  }

  /** A filter that applies only when {@code value} is given (null: any). */
  public KeysetQuery whereGiven(String condition, String parameter, Object value) {
    return value == null ? this : where(condition, parameter, value);
  }

  /** Only items beyond this position in the list's order; none (null time): from the start. */
  public KeysetQuery after(Instant positionTime, UUID positionId) {
    if (positionTime == null) {
      return this;
    }
    String beyond = newestFirst ? "<" : ">";
    parameters.put("positionTime", positionTime);
    parameters.put("positionId", positionId);
    return where(
        "("
            + time
            + " "
            + beyond
            + " :positionTime or ("
            + time
            + " = :positionTime and id "
            + beyond
            + " :positionId))");
  }

  /** The conditions and the order, as Panache takes them after {@code from Entity}. */
  public String query() {
    String order =
        newestFirst ? "order by " + time + " desc, id desc" : "order by " + time + ", id";
    return conditions.isEmpty() ? order : String.join(" and ", conditions) + " " + order;
  }

  /** The named parameters of {@link #query()}. */
  public Map<String, Object> parameters() {
    return parameters;
  }
}
