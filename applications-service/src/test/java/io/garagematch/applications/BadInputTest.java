package io.garagematch.applications;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.garagematch.infra.TestTokens;
import io.garagematch.platform.testing.Contracts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a problem+json naming the field at fault, never a 5xx. */
@QuarkusTest
class BadInputTest {

  static RequestSpecification partner() {
    return given()
        .filter(Contracts.openApiResponses("applications-service"))
        .header("Authorization", "Bearer " + TestTokens.forRole("partner", "sloppy-partner"));
  }

  /** A submission refused with 400 and a problem, for the test to look into. */
  static ValidatableResponse refused(Object body) {
    RequestSpecification request = partner().contentType(ContentType.JSON);
    return (body instanceof String text ? request.body(text) : request.body(body))
        .post("/api/v1/applications")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  static Arguments bad(String what, Consumer<Map<String, Object>> change, String field) {
    return Arguments.of(Named.of(what, change), field);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> contact(Map<String, Object> p) {
    return (Map<String, Object>) p.get("contact");
  }

  static Stream<Arguments> badProfiles() {
    return Stream.of(
        bad("name missing", p -> p.remove("name"), "name"),
        bad("name blank", p -> p.put("name", "  "), "name"),
        bad("name too long", p -> p.put("name", "x".repeat(201)), "name"),
        bad("name an object", p -> p.put("name", Map.of("zh", "深感")), "name"),
        bad("name a number", p -> p.put("name", 42), "name"),
        bad(
            "USCC with a wrong check character",
            p -> p.put("registrationId", "91350100M000100Y44"),
            "registrationId"),
        bad(
            "Chinese registration id of 17 characters",
            p -> p.put("registrationId", "91350100M000100Y4"),
            "registrationId"),
        bad(
            "USCC-shaped id with a wrong check character outside China",
            p -> {
              p.put("country", "DE");
              p.put("registrationId", "91350100M000100Y44");
            },
            "registrationId"),
        bad(
            "registration id too long",
            p -> {
              p.put("country", "DE");
              p.put("registrationId", "HRB".repeat(22));
            },
            "registrationId"),
        bad("website not a URL", p -> p.put("website", "deepsense dot cn"), "website"),
        bad("website not http(s)", p -> p.put("website", "ftp://deepsense.example.cn"), "website"),
        bad(
            "website too long",
            p -> p.put("website", "https://example.cn/" + "a".repeat(2040)),
            "website"),
        bad("country unknown", p -> p.put("country", "XX"), "country"),
        bad("country lower case", p -> p.put("country", "cn"), "country"),
        bad("country alpha-3", p -> p.put("country", "CHN"), "country"),
        bad("country missing", p -> p.remove("country"), "country"),
        bad("city too long", p -> p.put("city", "S".repeat(101)), "city"),
        bad("founded before 1800", p -> p.put("foundedYear", 1700), "foundedYear"),
        bad("founded in the future", p -> p.put("foundedYear", 3000), "foundedYear"),
        bad("founded year a string", p -> p.put("foundedYear", "2019"), "foundedYear"),
        bad("employees negative", p -> p.put("employees", -1), "employees"),
        bad("employees a fraction", p -> p.put("employees", 1.5), "employees"),
        bad("language unknown", p -> p.put("language", "fr"), "language"),
        bad("language missing", p -> p.remove("language"), "language"),
        bad("pitch missing", p -> p.remove("pitch"), "pitch"),
        bad("pitch too long", p -> p.put("pitch", "激".repeat(501)), "pitch"),
        bad("description too long", p -> p.put("description", "d".repeat(5001)), "description"),
        bad("technologies not a list", p -> p.put("technologies", "激光雷达"), "technologies"),
        bad(
            "too many technologies",
            p -> p.put("technologies", IntStream.range(0, 31).mapToObj(i -> "t" + i).toList()),
            "technologies"),
        bad(
            "technology blank",
            p -> p.put("technologies", List.of("", "lidar")),
            "technologies[0]"),
        bad(
            "technology too long",
            p -> p.put("technologies", List.of("lidar", "t".repeat(101))),
            "technologies[1]"),
        bad(
            "technologies repeated",
            p -> p.put("technologies", List.of("lidar", "lidar")),
            "technologies"),
        bad("no innovation field", p -> p.put("innovationFields", List.of()), "innovationFields"),
        bad(
            "innovation field unknown",
            p -> p.put("innovationFields", List.of("FLYING_CARS")),
            "innovationFields[0]"),
        bad("innovation fields missing", p -> p.remove("innovationFields"), "innovationFields"),
        bad("trl 0", p -> p.put("trl", 0), "trl"),
        bad("trl 10", p -> p.put("trl", 10), "trl"),
        bad("trl a word", p -> p.put("trl", "seven"), "trl"),
        bad("trl a fraction", p -> p.put("trl", 7.5), "trl"),
        bad("trl missing", p -> p.remove("trl"), "trl"),
        bad("funding stage unknown", p -> p.put("fundingStage", "IPO"), "fundingStage"),
        bad("funding stage by index", p -> p.put("fundingStage", 0), "fundingStage"),
        bad("seekingFinancing a word", p -> p.put("seekingFinancing", "yes"), "seekingFinancing"),
        bad(
            "requested support unknown",
            p -> p.put("requestedSupport", List.of("MONEY")),
            "requestedSupport[0]"),
        bad(
            "requested support repeated",
            p -> p.put("requestedSupport", List.of("FINANCING", "FINANCING")),
            "requestedSupport"),
        bad("contact missing", p -> p.remove("contact"), "contact"),
        bad(
            "contact e-mail malformed",
            p -> contact(p).put("email", "li.wang-at-deepsense"),
            "contact.email"),
        bad("contact e-mail missing", p -> contact(p).remove("email"), "contact.email"),
        bad("contact name blank", p -> contact(p).put("name", ""), "contact.name"),
        bad("contact phone not a number", p -> contact(p).put("phone", "call me"), "contact.phone"),
        bad("unknown contact field", p -> contact(p).put("wechat", "li_wang"), "contact.wechat"),
        bad("unknown field", p -> p.put("valuation", 1_000_000), "valuation"),
        bad("NUL in the name", p -> p.put("name", "Deep\u0000Sense"), "name"),
        bad("NUL in the pitch", p -> p.put("pitch", "\u0000"), "pitch"),
        bad(
            "NUL in a technology",
            p -> p.put("technologies", List.of("li\u0000dar")),
            "technologies[0]"),
        bad("NUL in the contact", p -> contact(p).put("name", "Li\u0000Wang"), "contact.name"),
        bad("external ref with spaces", p -> p.put("externalRef", "acme 42"), "externalRef"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badProfiles")
  void badProfileIsRejectedNamingTheField(Consumer<Map<String, Object>> change, String field) {
    Map<String, Object> profile = Startups.chinese();
    change.accept(profile);

    refused(profile)
        .body("type", equalTo("urn:garagematch:problem:validation-failed"))
        .body("violations.field", hasItem(field));
  }

  @Test
  void everyFieldAtFaultIsNamedInOneAnswer() {
    Map<String, Object> profile = Startups.chinese();
    profile.put("fundingStage", "IPO");
    profile.put("innovationFields", List.of("AUTOMATED_DRIVING", "FLYING_CARS"));
    profile.put("trl", "seven");
    profile.put("employees", 1.5);
    profile.put("valuation", 1_000_000);
    profile.put("pitch", "Deep\u0000Sense");
    profile.put("technologies", Map.of("lidar", true));
    profile.put("name", " ");
    contact(profile).put("email", "li.wang-at-deepsense");

    refused(profile)
        .body("detail", equalTo("9 fields are not valid"))
        .body(
            "violations.field",
            contains(
                "contact.email",
                "employees",
                "fundingStage",
                "innovationFields[1]",
                "name",
                "pitch",
                "technologies",
                "trl",
                "valuation"))
        .body(
            "violations.find { it.field == 'fundingStage' }.message", startsWith("must be one of"))
        .body("violations.find { it.field == 'trl' }.message", equalTo("must be an integer"))
        .body(
            "violations.find { it.field == 'technologies' }.message", equalTo("must be an array"));
  }

  @Test
  void thousandsOfWrongValuesAreCountedAndTheFirstHundredListed() {
    Map<String, Object> profile = Startups.chinese();
    profile.put("innovationFields", Collections.nCopies(12_000, "x"));
    refused(profile)
        .body("detail", equalTo("12001 fields are not valid; the first 100 are listed"))
        .body("violations.size()", equalTo(100))
        .body("violations[0].field", equalTo("innovationFields"))
        .body("violations[0].message", equalTo("must hold at most 500 items"))
        .body("violations[1].field", equalTo("innovationFields[0]"));
  }

  @Test
  void anArrayOfThousandsIsRefusedAsAWhole() {
    Map<String, Object> profile = Startups.chinese();
    profile.put("technologies", Collections.nCopies(12_000, null));

    refused(profile)
        .body("violations.field", contains("technologies"))
        .body("violations[0].message", equalTo("must hold at most 500 items"));
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of(Named.of("no body", ""), "body"),
        Arguments.of(Named.of("malformed JSON", "{\"name\": "), "body"),
        Arguments.of(Named.of("an array", "[]"), "body"),
        Arguments.of(Named.of("null", "null"), "body"),
        Arguments.of(Named.of("two documents", "{} {}"), "body"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void unreadableBodyIsRejected(String body, String field) {
    refused(body).body("violations.field", hasItem(field));
  }

  @Test
  void bodyThatIsNotJsonIsRejectedWith415() {
    partner()
        .contentType(ContentType.TEXT)
        .body("name=deepsense")
        .post("/api/v1/applications")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void bodyOfOneMebibyteIsRejectedWith413() {
    Map<String, Object> profile = Startups.chinese();
    profile.put("description", String.join("", Collections.nCopies(1 << 20, "x")));

    partner()
        .contentType(ContentType.JSON)
        .body(profile)
        .post("/api/v1/applications")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:garagematch:problem:payload-too-large"));
  }

  @Test
  void idempotencyKeyTooLongIsRejected() {
    partner()
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", "k".repeat(201))
        .body(Startups.chinese())
        .post("/api/v1/applications")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("idempotencyKey"));
  }

  static Stream<Arguments> badListParameters() {
    return Stream.of(
        Arguments.of("limit", "0"),
        Arguments.of("limit", "500"),
        Arguments.of("status", "DONE"),
        Arguments.of("updatedSince", "yesterday"),
        Arguments.of("cursor", "not-a-cursor"),
        Arguments.of("updatedSince", "+300000-01-01T00:00:00Z"),
        Arguments.of(
            "cursor",
            java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    ("+300000-01-01T00:00:00Z|" + java.util.UUID.randomUUID())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badListParameters")
  void badListParameterIsRejectedNamingIt(String name, String value) {
    partner()
        .queryParam(name, value)
        .get("/api/v1/applications")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", hasItem(name));
  }

  @Test
  void ifMatchThatIsNotAVersionFailsThePrecondition() {
    Map<String, Object> profile = Startups.chinese();
    String id =
        partner()
            .contentType(ContentType.JSON)
            .body(profile)
            .post("/api/v1/applications")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    partner()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"abc\"")
        .body(profile)
        .put("/api/v1/applications/" + id)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
  }

  @Test
  void unknownPathAndIdAreProblemsToo() {
    partner()
        .get("/api/v1/applications/not-a-uuid")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    partner()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
