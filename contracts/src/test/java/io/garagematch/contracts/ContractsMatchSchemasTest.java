package io.garagematch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.garagematch.contracts.events.EventType;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every kind of event has its schema in docs/events, named as its type, and its data record has
 * exactly the fields the schema describes, nested records included: a field added to one and not
 * the other fails here.
 */
class ContractsMatchSchemasTest {

  private static final Path SCHEMAS = Path.of("..", "docs", "events");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  List<DynamicTest> everyKindHasItsSchemaAndTheSameFields() {
    return AllEvents.ALL.stream()
        .map(kind -> DynamicTest.dynamicTest(kind.name(), () -> check(kind)))
        .toList();
  }

  @Test
  void everySchemaBelongsToAKindOrIsTheBaseOfSome() throws IOException {
    Set<String> kinds =
        AllEvents.ALL.stream().map(EventType::name).collect(Collectors.toCollection(TreeSet::new));
    Set<String> bases =
        AllEvents.ALL.stream().map(EventType::aggregate).collect(Collectors.toSet());
    try (var files = Files.list(SCHEMAS)) {
      List<String> names =
          files.map(p -> p.getFileName().toString().replace(".schema.json", "")).toList();
      assertThat(names).allMatch(n -> kinds.contains(n) || bases.contains(n), "kind or base");
      assertThat(names).containsAll(kinds);
    }
  }

  @Test
  void typesAreWrittenOnceAsTheSchemasTitleThem() {
    assertThat(AllEvents.named("match.pilot-overdue").type())
        .isEqualTo("io.garagematch.match.pilot-overdue.v1");
    assertThat(AllEvents.named("io.garagematch.erasure.completed.v1").name())
        .isEqualTo("erasure.completed");
  }

  private static void check(EventType<?> kind) throws IOException {
    JsonNode schema = read(kind.name());
    assertThat(schema.path("title").asText()).isEqualTo(kind.type());
    JsonNode root =
        schema.has("$ref") ? read(schema.get("$ref").asText().replace(".schema.json", "")) : schema;
    List<String> problems = new ArrayList<>();
    compare(kind.dataType(), root, root, kind.name(), problems);
    assertThat(problems).isEmpty();
  }

  /** Compares a record's components with an object schema's properties, nested records too. */
  private static void compare(
      Class<?> record, JsonNode objectSchema, JsonNode root, String path, List<String> problems) {
    JsonNode properties = objectSchema.path("properties");
    Set<String> inSchema = new TreeSet<>();
    properties.fieldNames().forEachRemaining(inSchema::add);
    // the fields as Jackson writes them: a stray getter (isComplete) would be one
    Set<String> inRecord =
        JSON
            .getSerializationConfig()
            .introspect(JSON.constructType(record))
            .findProperties()
            .stream()
            .map(BeanPropertyDefinition::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    if (!inSchema.equals(inRecord)) {
      problems.add(path + ": schema " + inSchema + " but record " + inRecord);
      return;
    }
    for (RecordComponent c : record.getRecordComponents()) {
      Class<?> nested = nestedRecord(c.getGenericType());
      JsonNode property = objectOf(properties.get(c.getName()), root);
      if (nested != null && property != null) {
        compare(nested, property, root, path + "." + c.getName(), problems);
      } else if (nested != null) {
        problems.add(path + "." + c.getName() + ": a record, but no object in the schema");
      }
    }
  }

  /** The record a component holds, itself or as the elements of a collection; null if none. */
  private static Class<?> nestedRecord(Type type) {
    if (type instanceof Class<?> c) {
      return c.isRecord() ? c : null;
    }
    if (type instanceof ParameterizedType p
        && Collection.class.isAssignableFrom((Class<?>) p.getRawType())) {
      return nestedRecord(p.getActualTypeArguments()[0]);
    }
    return null; // a value, or a map (free-form evidence)
  }

  /** The object schema a property describes (through $ref, items, anyOf/oneOf); null if none. */
  private static JsonNode objectOf(JsonNode node, JsonNode root) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    if (node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
      return objectOf(root.at(node.get("$ref").asText().substring(1)), root);
    }
    if (node.has("properties")) {
      return node;
    }
    if (node.has("items")) {
      return objectOf(node.get("items"), root);
    }
    for (String choice : List.of("anyOf", "oneOf")) {
      for (JsonNode branch : node.path(choice)) {
        JsonNode object = objectOf(branch, root);
        if (object != null) {
          return object;
        }
      }
    }
    return null;
  }

  private static JsonNode read(String name) throws IOException {
    return JSON.readTree(SCHEMAS.resolve(name + ".schema.json").toFile());
  }
}
