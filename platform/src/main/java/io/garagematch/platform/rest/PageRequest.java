package io.garagematch.platform.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code ?limit=&cursor=} of a list read page by page ({@code @Valid @BeanParam PageRequest
 * paging}): a limit out of 1 to 200, a cursor over 200 characters or not from this API are 400s
 * naming the parameter. A resource reads {@link #fetchSize()} items after {@link #after()} and
 * answers {@link #page}.
 */
public class PageRequest {

  @Parameter(description = "The most items on the page")
  @QueryParam("limit")
  @DefaultValue("50")
  @Min(1)
  @Max(200)
  int limit;

  @Parameter(description = "nextCursor of the previous page")
  @QueryParam("cursor")
  @Size(max = 200)
  String cursor;

  /** The position to read after: null on the first page. */
  public Cursor after() {
    return cursor == null ? null : Cursor.decode(cursor);
  }

  /** How many items to read: one more than the page holds, to tell whether another follows. */
  public int fetchSize() {
    return limit + 1;
  }

  /**
   * The page of {@code fetched} (read after {@link #after()}, at most {@link #fetchSize()}) as
   * {@code page(items, nextCursor)}; {@code position} is where an item stands in the list's order.
   */
  public <T, P> P page(
      List<T> fetched, Function<T, Cursor> position, BiFunction<List<T>, String, P> page) {
    Cursor.Page<T> p = Cursor.page(fetched, limit, position);
    return page.apply(p.items(), p.nextCursor());
  }
}
