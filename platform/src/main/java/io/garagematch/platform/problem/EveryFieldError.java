package io.garagematch.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.garagematch.platform.problem.Problem.Violation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One answer names every field at fault in a JSON body: the values Jackson could not read ({@link
 * FieldErrors}) and, beside them, what Bean Validation finds in the fields that were read. Without
 * this a wrong enum value would hide a blank name in the same request until the partner fixed the
 * first and tried again.
 */
@Provider
public class EveryFieldError implements ReaderInterceptor {

  private static final Logger LOG = Logger.getLogger(EveryFieldError.class);

  private final Validator validator;

  public EveryFieldError(Validator validator) {
    this.validator = validator;
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
      return context.proceed();
    }
    try (FieldErrors.Collection unreadable = FieldErrors.collect()) {
      Object body;
      try {
        body = context.proceed();
      } catch (IOException | WebApplicationException e) {
        JsonProcessingException json = json(e);
        if (unreadable.violations().isEmpty() || json == null) {
          throw e;
        }
        List<Violation> all = new ArrayList<>(unreadable.violations());
        all.add(FieldErrors.violation(json)); // where Jackson could not read on
        throw new ProblemException(Problem.invalid(all));
      }
      if (unreadable.violations().isEmpty()) {
        return body; // the endpoint's own @Valid reports the rest
      }
      throw new ProblemException(Problem.invalid(merged(unreadable.violations(), body)));
    }
  }

  /**
   * The unreadable values, and the constraint violations of every other field. With a problem's
   * worth of unreadable values already, Bean Validation is spared: each value read as absent would
   * cost it a violation to interpolate, and the answer lists no more anyway.
   */
  private List<Violation> merged(List<Violation> unreadable, Object body) {
    List<Violation> all = new ArrayList<>(unreadable);
    if (body == null || unreadable.size() >= Problem.MOST_VIOLATIONS) {
      return all;
    }
    List<Violation> others;
    try {
      others = ProblemMappers.violations(validator.validate(body));
    } catch (ValidationException e) {
      // a rule of the body's own that did not expect the holes left by unreadable values
      LOG.debugf(e, "validating a body with unreadable values failed; they are answered alone");
      return all;
    }
    for (Violation v : others) {
      if (unreadable.stream().noneMatch(u -> samePlace(u.field(), v.field()))) {
        all.add(v); // a value read as absent is not also "must not be null"
      }
    }
    return all;
  }

  /** One path within the other: {@code tags} and {@code tags[0]}, {@code contact.name}. */
  static boolean samePlace(String a, String b) {
    return a.equals(b) || within(a, b) || within(b, a);
  }

  private static boolean within(String inner, String outer) {
    return inner.startsWith(outer)
        && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
  }

  private static JsonProcessingException json(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonProcessingException json) {
        return json;
      }
    }
    return null;
  }
}
