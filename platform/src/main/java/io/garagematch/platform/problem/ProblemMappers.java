package io.garagematch.platform.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.garagematch.platform.json.StrictJson;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
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
    List<Problem.Violation> violations =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.Violation(field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.Violation::field))
            .toList();
    return respond(
        Problem.invalid(
            violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are not valid",
            violations));
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
    String field = e instanceof JsonMappingException m ? path(m.getPath()) : "";
    String message;
    if (e instanceof UnrecognizedPropertyException u) {
      field = path(u.getPath());
      message = "is not a known field";
    } else if (e instanceof InvalidFormatException f
        && f.getTargetType() == String.class
        && StrictJson.NUL.equals(f.getOriginalMessage())) {
      message = StrictJson.NUL;
    } else if (e instanceof InvalidFormatException f && f.getTargetType().isEnum()) {
      message = "must be one of " + enumValues(f.getTargetType());
    } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      message = "must be " + describe(m.getTargetType());
    } else {
      message = "is not well-formed JSON";
    }
    String name = field.isEmpty() ? "body" : field;
    return respond(
        Problem.invalid(name + ": " + message, List.of(new Problem.Violation(name, message))));
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

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** The JSON names of an enum's constants (their {@code @JsonProperty}, else their names). */
  private static String enumValues(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(
            c -> {
              try {
                JsonProperty p =
                    type.getField(((Enum<?>) c).name()).getAnnotation(JsonProperty.class);
                return p == null ? ((Enum<?>) c).name() : p.value();
              } catch (NoSuchFieldException e) {
                return ((Enum<?>) c).name();
              }
            })
        .collect(Collectors.joining(", "));
  }

  private static String describe(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
