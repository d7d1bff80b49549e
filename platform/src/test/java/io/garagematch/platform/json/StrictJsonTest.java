package io.garagematch.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.garagematch.platform.problem.FieldErrors;
import io.garagematch.platform.problem.Problem.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

  enum Kind {
    SMALL,
    LARGE
  }

  record Sample(int count, boolean open, Integer size, String name, Kind kind, List<Kind> kinds) {}

  static final ObjectMapper JSON = new ObjectMapper();

  static {
    new StrictJson().customize(JSON);
  }

  @Test
  void absentValuesAreJacksonsDefaults() throws Exception {
    Sample s = JSON.readValue("{}", Sample.class);
    assertThat(s).isEqualTo(new Sample(0, false, null, null, null, null));
  }

  @Test
  void exactValuesAreRead() throws Exception {
    Sample s =
        JSON.readValue(
            "{\"count\":3,\"open\":true,\"size\":7,\"name\":\"x\",\"kind\":\"LARGE\","
                + "\"kinds\":[\"SMALL\"]}",
            Sample.class);
    assertThat(s).isEqualTo(new Sample(3, true, 7, "x", Kind.LARGE, List.of(Kind.SMALL)));
  }

  @Test
  void withoutACollectionTheFirstErrorFails() {
    assertThatThrownBy(() -> JSON.readValue("{\"count\":\"seven\"}", Sample.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> JSON.readValue("{\"count\":7.5}", Sample.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> JSON.readValue("{\"name\":\"a\\u0000b\"}", Sample.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> JSON.readValue("{\"other\":1}", Sample.class))
        .isInstanceOf(UnrecognizedPropertyException.class);
  }

  @Test
  void withACollectionEveryFieldAtFaultIsNamedAndReadAsAbsent() throws Exception {
    Sample s;
    List<Violation> found;
    try (FieldErrors.Collection errors = FieldErrors.collect()) {
      s =
          JSON.readValue(
              "{\"count\":\"seven\",\"open\":\"yes\",\"size\":7.5,\"name\":{\"a\":[1]},"
                  + "\"other\":{\"deep\":[1,2]},\"kind\":\"HUGE\",\"kinds\":[\"SMALL\",3],"
                  + "\"after\":true}",
              Sample.class);
      found = errors.violations();
    }
    assertThat(found)
        .containsExactlyInAnyOrder(
            new Violation("count", "must be an integer"),
            new Violation("open", "must be true or false"),
            new Violation("size", "must be an integer"),
            new Violation("name", "must be a string"),
            new Violation("other", "is not a known field"),
            new Violation("kind", "must be one of SMALL, LARGE"),
            new Violation("kinds[1]", "must be one of SMALL, LARGE"),
            new Violation("after", "is not a known field"));
    assertThat(s.count()).isZero();
    assertThat(s.kind()).isNull();
    // closed: the next document fails at its first error again
    assertThatThrownBy(() -> JSON.readValue("{\"count\":\"seven\"}", Sample.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  record Outer(Sample inner, List<Sample> list) {}

  @Test
  void unknownFieldsOfNestedRecordsAreNamedByTheirPath() throws Exception {
    try (FieldErrors.Collection errors = FieldErrors.collect()) {
      JSON.readValue(
          "{\"inner\":{\"count\":1,\"x\":{\"y\":1}},\"list\":[{\"q\":1,\"count\":1,\"open\":true,\"size\":1,\"name\":\"n\","
              + "\"kind\":\"SMALL\",\"kinds\":[]},{\"z\":[1]}],\"w\":2}",
          Outer.class);
      assertThat(errors.violations())
          .extracting(Violation::field)
          .containsExactlyInAnyOrder("inner.x", "list[0].q", "list[1].z", "w");
    }
  }

  @Test
  void anArrayOfMoreThanMostItemsIsRefusedAsAWhole() throws Exception {
    String many =
        "{\"kinds\":["
            + String.join(
                ",", java.util.Collections.nCopies(StrictJson.MOST_ITEMS + 1, "\"SMALL\""))
            + "]}";
    assertThatThrownBy(() -> JSON.readValue(many, Sample.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("must hold at most 500 items");
    try (FieldErrors.Collection errors = FieldErrors.collect()) {
      Sample s = JSON.readValue(many, Sample.class);
      assertThat(s.kinds()).isNull();
      assertThat(errors.violations())
          .containsExactly(new Violation("kinds", "must hold at most 500 items"));
    }
    String most =
        "{\"kinds\":["
            + String.join(",", java.util.Collections.nCopies(StrictJson.MOST_ITEMS, "\"SMALL\""))
            + "]}";
    assertThat(JSON.readValue(most, Sample.class).kinds()).hasSize(StrictJson.MOST_ITEMS);
  }

  enum Named {
    FIRST;

    @com.fasterxml.jackson.annotation.JsonValue
    public String json() {
      return "named.first";
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Named of(String name) {
      if ("named.first".equals(name)) {
        return FIRST;
      }
      throw new IllegalArgumentException("no such name: " + name);
    }
  }

  record WithSet(
      String url, java.util.Set<Kind> kinds, java.util.Set<Named> named, Boolean active) {}

  @Test
  void anUnknownFieldAfterAWrongSetItemIsNamedToo() throws Exception {
    try (FieldErrors.Collection errors = FieldErrors.collect()) {
      JSON.readValue(
          "{\"url\":\"u\",\"kinds\":[\"HUGE\",null],\"named\":[\"named.second\"],\"x\":1}",
          WithSet.class);
      assertThat(errors.violations())
          .containsExactlyInAnyOrder(
              new Violation("kinds[0]", "must be one of SMALL, LARGE"),
              new Violation("named[0]", "must be one of named.first"),
              new Violation("x", "is not a known field"));
    }
  }

  @Test
  void aNulCharacterIsNamed() throws Exception {
    try (FieldErrors.Collection errors = FieldErrors.collect()) {
      JSON.readValue("{\"name\":\"a\\u0000b\"}", Sample.class);
      assertThat(errors.violations()).containsExactly(new Violation("name", FieldErrors.NUL));
    }
  }
}
