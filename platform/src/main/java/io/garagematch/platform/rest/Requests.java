package io.garagematch.platform.rest;

import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestResponse;

/** Reading request headers and parameters the same way in every service: bad ones are 400s. */
public final class Requests {

  private Requests() {}

  /**
   * What {@code If-Match: *} names: any current version (RFC 9110, 13.1.1); {@link #requireVersion}
   * lets it pass.
   */
  public static final int ANY_VERSION = Integer.MIN_VALUE;

  /** The version an optional {@code If-Match} names, or null when none is sent. */
  public static Integer optionalIfMatchVersion(String ifMatch) {
    return ifMatch == null || ifMatch.isBlank() ? null : ifMatchVersion(ifMatch);
  }

  /**
   * The version a required {@code If-Match} header names ({@code "3"}, {@code W/"3"} or {@code 3}).
   * Missing: 428; not a version: 412 (it cannot match).
   */
  public static int ifMatchVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ProblemException(
          Problem.of(
              428,
              "if-match-required",
              "If-Match is required",
              "send the ETag of the version you read, e.g. If-Match: \"3\""));
    }
    String tag = ifMatch.trim();
    if (tag.equals("*")) {
      return ANY_VERSION;
    }
    if (tag.startsWith("W/")) {
      // If-Match compares strongly: a weak entity tag never matches (RFC 9110, 8.8.3.2)
      throw new ProblemException(
          Problem.of(
              412,
              "version-mismatch",
              "The resource has changed",
              "If-Match compares entity tags strongly; the weak tag "
                  + ifMatch
                  + " never matches: send the ETag as read, e.g. \"3\""));
    }
    try {
      return Integer.parseInt(tag.replace("\"", ""));
    } catch (NumberFormatException e) {
      throw new ProblemException(
          Problem.of(
              412,
              "version-mismatch",
              "The resource has changed",
              "If-Match " + ifMatch + " is not a version of this resource"));
    }
  }

  /**
   * 412 unless {@code expected} (from If-Match) is the {@code current} version of {@code what}
   * ("the need"); the problem carries {@code currentVersion}.
   */
  public static void requireVersion(String what, int current, int expected) {
    if (expected != ANY_VERSION && current != expected) {
      throw new ProblemException(
          Problem.of(
                  412,
                  "version-mismatch",
                  capitalised(what) + " has changed",
                  "If-Match names version "
                      + expected
                      + " but the current version is "
                      + current
                      + "; read it again and reapply your change")
              .with("currentVersion", current));
    }
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The enum constant named {@code value}, or null when absent; 400 naming the parameter. */
  public static <E extends Enum<E>> E enumParam(Class<E> type, String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw invalid(
          name,
          "must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }

  /** An ISO-8601 instant, or null when absent; 400 naming the parameter. */
  public static Instant instantParam(String name, String value) {
    if (value == null) {
      return null;
    }
    Instant instant;
    try {
      instant = Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(name, "must be an ISO-8601 instant, e.g. 2026-01-31T08:00:00Z");
    }
    if (!storable(instant)) {
      throw invalid(name, "must lie between the years 1 and 9999");
    }
    return instant;
  }

  /** The earliest and latest instants a client may name (what every database here stores). */
  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  /** Whether a client's instant lies in the years 1 to 9999. */
  public static boolean storable(Instant instant) {
    return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
  }

  /** An ISO-8601 date ({@code 2026-01-31}), or null when absent; 400 naming the parameter. */
  public static LocalDate dateParam(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(name, "must be an ISO-8601 date, e.g. 2026-01-31");
    }
  }

  /** The ETag of a version: the value If-Match names. */
  public static EntityTag etag(int version) {
    return new EntityTag(Integer.toString(version));
  }

  /** A 200 answer with the entity and its version as ETag. */
  public static <T> RestResponse<T> withEtag(T entity, int version) {
    return withEtag(RestResponse.Status.OK, entity, version);
  }

  /** A 200 answer with the entity and its version (e.g. {@code NeedView::version}) as ETag. */
  public static <T> RestResponse<T> withEtag(T entity, ToIntFunction<? super T> version) {
    return withEtag(entity, version.applyAsInt(entity));
  }

  /** An answer with this status, the entity and its version as ETag. */
  public static <T> RestResponse<T> withEtag(RestResponse.Status status, T entity, int version) {
    return RestResponse.ResponseBuilder.create(status, entity).tag(etag(version)).build();
  }

  /** A 201 answer: the entity and where it now is. */
  public static <T> RestResponse<T> created(URI location, T entity) {
    return RestResponse.ResponseBuilder.<T>created(location).entity(entity).build();
  }

  /** A 201 answer: the entity, where it now is and its version as ETag. */
  public static <T> RestResponse<T> created(URI location, T entity, int version) {
    return RestResponse.ResponseBuilder.<T>created(location)
        .tag(etag(version))
        .entity(entity)
        .build();
  }

  /** A 400 validation problem naming one field or parameter. */
  public static ProblemException invalid(String name, String message) {
    return new ProblemException(
        Problem.invalid(name + ": " + message, List.of(new Problem.Violation(name, message))));
  }
}
