package io.garagematch.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}.
 *
 * <p>{@code type} is stable per kind of error ({@code urn:garagematch:problem:<slug>}); clients
 * branch on it, never on {@code title} or {@code detail}. Validation problems list each field at
 * fault in {@code violations}. Some problems add members, e.g. {@code existingApplicationId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "Problem",
    description = "RFC 9457 problem detail",
    additionalProperties = Schema.True.class)
public record Problem(
    @Schema(required = true, example = "urn:garagematch:problem:validation-failed") String type,
    @Schema(required = true) String title,
    @Schema(required = true) int status,
    String detail,
    List<Violation> violations,
    @JsonIgnore Map<String, Object> extensions) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:garagematch:problem:";
  private static final Set<String> RESERVED =
      Set.of("type", "title", "status", "detail", "instance", "violations");

  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(TYPE_PREFIX + slug, title, status, detail, null, new LinkedHashMap<>());
  }

  /**
   * A problem named after its HTTP status alone (405 {@code method-not-allowed}, 414 {@code
   * request-uri-too-long}...), for refusals made before any endpoint had a reason of its own.
   */
  public static Problem ofStatus(int status, String detail) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    return of(status, title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), title, detail);
  }

  /** The most violations one problem lists: a 64 KiB body must not become a megabyte answer. */
  public static final int MOST_VIOLATIONS = 100;

  /**
   * {@code 400 validation-failed} listing the fields at fault in the order of their paths, the
   * first {@link #MOST_VIOLATIONS} of them.
   */
  public static Problem invalid(List<Violation> violations) {
    List<Violation> sorted =
        violations.stream().sorted(Comparator.comparing(Violation::field)).toList();
    String detail =
        sorted.size() == 1
            ? sorted.get(0).field() + ": " + sorted.get(0).message()
            : sorted.size() + " fields are not valid";
    if (sorted.size() > MOST_VIOLATIONS) {
      detail += "; the first " + MOST_VIOLATIONS + " are listed";
    }
    return invalid(detail, sorted.subList(0, Math.min(sorted.size(), MOST_VIOLATIONS)));
  }

  /** {@code 400 validation-failed} listing every field at fault. */
  public static Problem invalid(String detail, List<Violation> violations) {
    return new Problem(
        TYPE_PREFIX + "validation-failed",
        "The request is not valid",
        400,
        detail,
        List.copyOf(violations),
        new LinkedHashMap<>());
  }

  /**
   * Adds a member beside the standard ones, e.g. the id of an existing resource.
   *
   * @throws IllegalArgumentException for a member RFC 9457 or this record defines ({@code status}
   *     is the HTTP status, never a resource's state)
   */
  public Problem with(String name, Object value) {
    if (RESERVED.contains(name)) {
      throw new IllegalArgumentException(name + " is a member of every problem; name it otherwise");
    }
    extensions.put(name, value);
    return this;
  }

  @JsonAnyGetter
  Map<String, Object> members() {
    return extensions;
  }

  /** One field at fault: its JSON path (e.g. {@code contact.email}) and what is wrong. */
  public record Violation(String field, String message) {}
}
