package io.garagematch.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into {@code application/problem+json}; bad input never becomes a 500. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  private final AllowedMethods allowedMethods;

  public ProblemMappers(AllowedMethods allowedMethods) {
    this.allowedMethods = allowedMethods;
  }

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return respond(e.problem());
  }

  @ServerExceptionMapper
  public Response constraintViolations(ConstraintViolationException e) {
    return respond(Problem.invalid(violations(e.getConstraintViolations())));
  }

  @ServerExceptionMapper({
    JsonProcessingException.class,
    JsonParseException.class,
    JsonMappingException.class,
    MismatchedInputException.class,
    InvalidFormatException.class,
    UnrecognizedPropertyException.class
  })
  public Response unreadableJson(JsonProcessingException e) {
    return respond(Problem.invalid(List.of(FieldErrors.violation(e))));
  }

  /** A role the endpoint does not serve (checked by {@code @RolesAllowed}). */
  @ServerExceptionMapper
  public Response forbidden(io.quarkus.security.ForbiddenException e) {
    return respond(
        Problem.of(403, "forbidden", "Forbidden", "your role may not use this endpoint"));
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e, UriInfo uri) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return unreadableJson(json);
    }
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return internal(e);
    }
    Response problem = respond(Problem.ofStatus(status, null));
    if (status == 405) { // RFC 9110: a 405 names the methods the resource allows
      return allowedMethods
          .at("/" + uri.getPath().replaceFirst("^/", ""))
          .map(allow -> Response.fromResponse(problem).header("Allow", allow).build())
          .orElse(problem);
    }
    return problem;
  }

  @ServerExceptionMapper
  public Response internal(Exception e) {
    if (DatabaseUnavailable.causes(e)) {
      LOG.warnf("the database cannot be reached: %s", e.toString());
      return Response.fromResponse(
              respond(
                  Problem.of(
                          503,
                          "service-unavailable",
                          "Service unavailable",
                          "The service cannot reach its database right now; nothing was changed."
                              + " Try again after Retry-After seconds.")
                      .with("retryAfterSeconds", DatabaseUnavailable.RETRY_AFTER_SECONDS)))
          .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.errorf(e, "internal error, incident %s", incident);
    return respond(
        Problem.of(
                500,
                "internal-error",
                "Internal error",
                "Something went wrong on our side; quote incident " + incident + " when asking us.")
            .with("incident", incident));
  }

  public static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  static List<Problem.Violation> violations(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream().map(v -> new Problem.Violation(field(v), v.getMessage())).toList();
  }

  /** The JSON path of the field at fault, e.g. {@code contact.email} or {@code technologies[2]}. */
  static String field(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
      } else if (node.getKind() == ElementKind.PROPERTY) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(node.getName());
      } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      }
      if (node.getKind() == ElementKind.PROPERTY && node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      }
    }
    if (!field.isEmpty()) {
      return field.toString();
    }
    return parameter == null ? "body" : parameter;
  }
}
