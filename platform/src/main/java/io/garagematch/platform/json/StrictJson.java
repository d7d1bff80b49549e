package io.garagematch.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import io.garagematch.platform.problem.FieldErrors;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;

/**
 * JSON is read as written: no number where a string is expected or the reverse, no 7.5 read as 7,
 * no enum by its index, nothing after the document, no NUL character (U+0000) in a string — no
 * database here can store one. Sloppy input is refused, never guessed, and a value refused goes
 * through Jackson's problem handlers, so {@link FieldErrors} can name every field at fault.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  @Override
  @SuppressWarnings("deprecation") // ALLOW_COERCION_OF_SCALARS is the switch Jackson 2 still reads
  public void customize(ObjectMapper mapper) {
    mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    SimpleModule strict = new SimpleModule("strict-scalars");
    strict.addDeserializer(String.class, new Exact<>(String.class, STRING));
    strict.addDeserializer(Integer.class, new Exact<>(Integer.class, INTEGER));
    strict.addDeserializer(int.class, new Exact<>(int.class, INTEGER));
    strict.addDeserializer(Long.class, new Exact<>(Long.class, INTEGER));
    strict.addDeserializer(long.class, new Exact<>(long.class, INTEGER));
    strict.addDeserializer(Boolean.class, new Exact<>(Boolean.class, BOOLEAN));
    strict.addDeserializer(boolean.class, new Exact<>(boolean.class, BOOLEAN));
    strict.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyCollectionDeserializer(
              DeserializationConfig config,
              CollectionType type,
              BeanDescription description,
              JsonDeserializer<?> deserializer) {
            return new AtMostItems(deserializer);
          }
        });
    mapper.registerModule(strict);
    mapper.addHandler(new FieldErrors());
  }

  /**
   * The most items any JSON array may hold, far above every list of the API (their own limits are
   * in the OpenAPI documents). Beyond it the array is refused as a whole, before Bean Validation
   * would check — and, for a list of 12,000 nulls, interpolate a message for — every item.
   */
  public static final int MOST_ITEMS = 500;

  /** A collection as Jackson reads it, refused when it holds more than {@link #MOST_ITEMS}. */
  static final class AtMostItems extends DelegatingDeserializer {
    AtMostItems(JsonDeserializer<?> jackson) {
      super(jackson);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> jackson) {
      return new AtMostItems(jackson);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
      Object value = super.deserialize(p, context);
      if (value instanceof Collection<?> items && items.size() > MOST_ITEMS) {
        String message = "must hold at most " + MOST_ITEMS + " items";
        if (FieldErrors.recorded(p, message)) {
          return null;
        }
        throw MismatchedInputException.from(p, handledType(), message);
      }
      return value;
    }
  }

  private static final Set<JsonToken> STRING = Set.of(JsonToken.VALUE_STRING);
  private static final Set<JsonToken> INTEGER = Set.of(JsonToken.VALUE_NUMBER_INT);
  private static final Set<JsonToken> BOOLEAN = Set.of(JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE);

  /**
   * A scalar read by Jackson's own deserializer when its token is of the right kind; any other
   * token (a number for a string, a string or 7.5 for an integer, an object, an array) is an
   * unexpected token, and a string holding U+0000 a weird value — both go to the problem handlers.
   */
  static final class Exact<T> extends StdScalarDeserializer<T> {
    private final Set<JsonToken> accepted;
    private final JsonDeserializer<?> jackson;

    Exact(Class<T> type, Set<JsonToken> accepted) {
      super(type);
      this.accepted = accepted;
      this.jackson =
          type == String.class
              ? StringDeserializer.instance
              : NumberDeserializers.find(type, type.getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
      if (!accepted.contains(p.currentToken())) {
        return (T) context.handleUnexpectedToken(handledType(), p);
      }
      Object value = jackson.deserialize(p, context);
      if (value instanceof String s && s.indexOf('\u0000') >= 0) {
        return (T) context.handleWeirdStringValue(String.class, s, FieldErrors.NUL);
      }
      return (T) value;
    }

    // absent and null stay Jackson's: 0 and false for a primitive, null for the others

    @Override
    @SuppressWarnings("unchecked")
    public T getNullValue(DeserializationContext context) throws JsonMappingException {
      return (T) jackson.getNullValue(context);
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) throws JsonMappingException {
      return jackson.getAbsentValue(context);
    }

    @Override
    public AccessPattern getNullAccessPattern() {
      return jackson.getNullAccessPattern();
    }
  }
}
