package io.garagematch.platform.rest;

import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** A position in a list ordered by (updatedAt, id), opaque to clients: {@code ?cursor=}. */
public record Cursor(Instant updatedAt, UUID id) {

  /** One page of a list and the cursor of the next one (null on the last page). */
  public record Page<T>(List<T> items, String nextCursor) {}

  /**
   * The page of {@code fetched} — up to {@code limit + 1} items read after the previous cursor —
   * and, when there is more, the cursor after its last item.
   */
  public static <T> Page<T> page(List<T> fetched, int limit, Function<T, Cursor> position) {
    if (fetched.size() <= limit) {
      return new Page<>(fetched, null);
    }
    List<T> items = fetched.subList(0, limit);
    return new Page<>(items, position.apply(items.get(limit - 1)).encode());
  }

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((updatedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  public static Cursor decode(String text) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
      Cursor cursor = new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
      if (!Requests.storable(cursor.updatedAt())) {
        throw new IllegalArgumentException("out of range");
      }
      return cursor;
    } catch (RuntimeException e) {
      throw new ProblemException(
          Problem.invalid(
              "cursor: is not a cursor from this API",
              List.of(new Problem.Violation("cursor", "is not a cursor from this API"))));
    }
  }
}
