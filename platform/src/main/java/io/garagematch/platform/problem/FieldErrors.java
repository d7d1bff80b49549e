package io.garagematch.platform.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.garagematch.platform.problem.Problem.Violation;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The field errors of one JSON document, all of them: while a collection is open on this thread, a
 * value Jackson cannot use (an unknown enum constant, a malformed UUID or date, a string where a
 * number belongs, an unknown field, a NUL character) is recorded with its path and read as absent,
 * so reading goes on to the next field. Outside a collection (Kafka records, files) Jackson fails
 * at the first error as usual.
 */
public final class FieldErrors extends DeserializationProblemHandler {

  private static final ThreadLocal<Collection> OPEN = new ThreadLocal<>();

  /** Opens a collection on this thread; close it when the document is read. */
  public static Collection collect() {
    Collection collection = new Collection(OPEN.get());
    OPEN.set(collection);
    return collection;
  }

  /** The errors recorded while reading one document. */
  public static final class Collection implements AutoCloseable {
    private final Collection outer;
    private final List<Violation> violations = new ArrayList<>();

    private Collection(Collection outer) {
      this.outer = outer;
    }

    public List<Violation> violations() {
      return List.copyOf(violations);
    }

    @Override
    public void close() {
      if (outer == null) {
        OPEN.remove();
      } else {
        OPEN.set(outer);
      }
    }
  }

  @Override
  public Object handleWeirdStringValue(
      DeserializationContext context, Class<?> targetType, String value, String failure) {
    return record(context.getParser(), message(targetType, failure));
  }

  @Override
  public Object handleWeirdNumberValue(
      DeserializationContext context, Class<?> targetType, Number value, String failure) {
    return record(context.getParser(), message(targetType, failure));
  }

  /** A value made from a string or number by its own factory (e.g. a {@code @JsonCreator}). */
  @Override
  public Object handleInstantiationProblem(
      DeserializationContext context, Class<?> type, Object argument, Throwable failure) {
    if (!(argument instanceof String || argument instanceof Number)) {
      return NOT_HANDLED; // an object's constructor refused: that stays its own error
    }
    return record(context.getParser(), message(type, failure.getMessage()));
  }

  @Override
  public Object handleUnexpectedToken(
      DeserializationContext context,
      JavaType targetType,
      JsonToken token,
      JsonParser parser,
      String failure)
      throws IOException {
    if (OPEN.get() == null) {
      return NOT_HANDLED;
    }
    String field = path(parser);
    parser.skipChildren(); // the value is passed over whole, the parser stands at its end
    OPEN.get().violations.add(new Violation(field, message(targetType.getRawClass(), failure)));
    return null;
  }

  @Override
  public boolean handleUnknownProperty(
      DeserializationContext context,
      JsonParser parser,
      JsonDeserializer<?> deserializer,
      Object beanOrClass,
      String propertyName)
      throws IOException {
    if (OPEN.get() == null) {
      return false;
    }
    String object = parser == context.getParser() ? null : objectPath(context, beanOrClass);
    String field =
        object == null
            ? path(parser)
            : object.isEmpty() ? propertyName : object + "." + propertyName;
    parser.skipChildren();
    OPEN.get().violations.add(new Violation(field, UNKNOWN_FIELD));
    return true;
  }

  /**
   * Where the object a record was read from stands. A record's unknown fields are buffered and
   * replayed once the record is built: either while the document's parser is still inside its
   * object (whose context then holds the record as its current value), or once past its end, in the
   * context of the object's parent.
   */
  private static String objectPath(DeserializationContext context, Object bean) {
    JsonParser document = context.getParser();
    if (document.currentToken() == JsonToken.END_OBJECT) {
      return path(document.getParsingContext());
    }
    for (JsonStreamContext c = document.getParsingContext(); c != null; c = c.getParent()) {
      if (c.getCurrentValue() == bean) {
        return path(c.getParent());
      }
    }
    return null;
  }

  private static Object record(JsonParser parser, String message) {
    return recorded(parser, message) ? null : NOT_HANDLED;
  }

  /**
   * Records what is wrong with the value the parser has just read, when a collection is open on
   * this thread.
   *
   * @return whether it was recorded (else the caller fails as Jackson would)
   */
  public static boolean recorded(JsonParser parser, String message) {
    if (OPEN.get() == null) {
      return false;
    }
    OPEN.get().violations.add(new Violation(path(parser), message));
    return true;
  }

  static final String UNKNOWN_FIELD = "is not a known field";

  /** The message of a string refused for its NUL character: no database here can store one. */
  public static final String NUL = "must not contain the NUL character (U+0000)";

  /** The violation one failed read stands for, e.g. {@code fundingStage: must be one of …}. */
  public static Violation violation(JsonProcessingException e) {
    String field = e instanceof JsonMappingException m ? path(m.getPath()) : "";
    String message;
    if (e instanceof UnrecognizedPropertyException) {
      message = UNKNOWN_FIELD;
    } else if (e instanceof InvalidFormatException f) {
      message = message(f.getTargetType(), f.getOriginalMessage());
    } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      message = message(m.getTargetType(), m.getOriginalMessage());
    } else {
      message = "is not well-formed JSON";
    }
    return new Violation(field.isEmpty() ? "body" : field, message);
  }

  /** What a value of this type must be, in the words of the API's problems. */
  static String message(Class<?> type, String failure) {
    if (type == String.class && NUL.equals(failure)) {
      return NUL;
    }
    if (type.isEnum()) {
      return "must be one of " + enumValues(type);
    }
    return "must be " + describe(type);
  }

  private static String describe(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Double.class || type == double.class || type == BigDecimal.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == UUID.class) {
      return "a UUID";
    }
    if (type == Instant.class || type == OffsetDateTime.class) {
      return "an RFC 3339 date-time, e.g. 2026-03-01T09:30:00Z";
    }
    if (type == LocalDate.class) {
      return "a date, e.g. 2026-03-01";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }

  /**
   * The JSON names of an enum's constants: what its {@code @JsonValue} method returns, else their
   * {@code @JsonProperty}, else their names.
   */
  private static String enumValues(Class<?> type) {
    for (java.lang.reflect.Method m : type.getMethods()) {
      if (m.isAnnotationPresent(JsonValue.class) && m.getParameterCount() == 0) {
        m.trySetAccessible();
        return Arrays.stream(type.getEnumConstants())
            .map(
                c -> {
                  try {
                    return String.valueOf(m.invoke(c));
                  } catch (ReflectiveOperationException e) {
                    return ((Enum<?>) c).name();
                  }
                })
            .collect(Collectors.joining(", "));
      }
    }
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

  /**
   * The path of the value the parser stands on, e.g. {@code contact.email}, {@code tags[2]}; {@code
   * body} for the document itself.
   */
  static String path(JsonParser parser) {
    JsonStreamContext context = parser.getParsingContext();
    if (parser.currentToken() == JsonToken.START_OBJECT
        || parser.currentToken() == JsonToken.START_ARRAY) {
      context = context.getParent(); // the value's own context is not yet part of its path
    }
    String path = path(context);
    return path.isEmpty() ? "body" : path;
  }

  private static String path(JsonStreamContext context) {
    Deque<JsonStreamContext> chain = new ArrayDeque<>();
    for (; context != null && !context.inRoot(); context = context.getParent()) {
      chain.push(context);
    }
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c : chain) {
      if (c.inArray()) {
        path.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
      } else if (c.getCurrentName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(c.getCurrentName());
      }
    }
    return path.toString();
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
