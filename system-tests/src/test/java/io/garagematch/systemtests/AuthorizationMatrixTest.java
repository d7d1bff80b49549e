package io.garagematch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.garagematch.infra.TestInfra;
import io.garagematch.infra.TopicReader;
import io.garagematch.systemtests.AuthorizationMatrix.Row;
import io.garagematch.systemtests.Http.Reply;
import io.garagematch.systemtests.MatrixOperations.Call;
import io.garagematch.systemtests.MatrixOperations.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Who may do what, checked against the running packaged services: every row of
 * authorization-matrix.csv (operation of the OpenAPI documents × caller × whose object) is called
 * with real data and must get its status. Every operation of the three documents must have rows,
 * and docs/security.md must show the table the rows make.
 */
@ExtendWith(RunningServices.class)
class AuthorizationMatrixTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path SECURITY_MD = ROOT.resolve("docs/security.md");
  static final String START = "<!-- matrix:start -->";
  static final String END = "<!-- matrix:end -->";
  static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head");

  private static MatrixFixture fixture;

  static synchronized MatrixFixture fixture(RunningServices.Services services) {
    if (fixture == null) {
      fixture = MatrixFixture.create(services);
    }
    return fixture;
  }

  static Stream<Row> rows() {
    return AuthorizationMatrix.rows().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void callerGetsTheStatusTheMatrixSays(Row row, RunningServices.Services services) {
    MatrixFixture f = fixture(services);
    Operation operation = MatrixOperations.ALL.get(row.operation());
    assertThat(operation).as("how to call %s", row.operation()).isNotNull();
    Call call = operation.call().apply(f, row);
    Reply reply =
        Http.send(
            call.method(),
            f.url(row.service()) + call.path(),
            f.token(row.caller()),
            call.body(),
            call.ifMatch(),
            call.accept());

    assertThat(reply.status()).as("%s: got %s", row, reply).isEqualTo(row.expected().status());
    switch (row.expected().also()) {
      case "forbidden", "business-unit-not-yours" ->
          assertThat(MatrixFixture.problemType(reply))
              .as("%s: problem type of %s", row, reply)
              .contains("urn:garagematch:problem:" + row.expected().also());
      case "own", "all", "nothing" -> assertListed(row, reply, operation.listed().apply(f));
      case "event" ->
          assertThat(decisionEvents(f, row, call.target(), 1)).as("%s", row).isNotEmpty();
      case "no-event" ->
          assertThat(decisionEvents(f, row, call.target(), 0)).as("%s", row).isEmpty();
      default -> {}
    }
    if (row.expected().status() == 404) {
      assertThat(MatrixFixture.problemType(reply))
          .as("%s: a 404 is a problem+json not-found: %s", row, reply)
          .contains("urn:garagematch:problem:not-found");
    }
  }

  private static void assertListed(Row row, Reply reply, List<String> ownAndOthers) {
    List<String> ids = MatrixFixture.ids(reply);
    String own = ownAndOthers.get(0);
    String others = ownAndOthers.get(1);
    switch (row.expected().also()) {
      case "own" -> assertThat(ids).as("%s: items", row).contains(own).doesNotContain(others);
      case "all" -> assertThat(ids).as("%s: items", row).contains(own, others);
      default -> assertThat(ids).as("%s: items", row).isEmpty();
    }
  }

  /**
   * The {@code match.decided} events of the matrix's decisions on this match recorded as this row's
   * caller: waits for {@code expected} of them, or 3 s when none is expected (an event would be on
   * the topic well within).
   */
  private static List<ConsumerRecord<String, String>> decisionEvents(
      MatrixFixture f, Row row, String matchId, int expected) {
    String subject = f.subject(row.caller());
    return new TopicReader(TestInfra.get().bootstrapServers())
        .read(
            "match-events",
            r -> {
              if (!"io.garagematch.match.decided.v1".equals(TopicReader.header(r, "ce_type"))) {
                return false;
              }
              JsonNode data = Http.json(r.value());
              JsonNode decision = data.path("decision");
              return matchId.equals(data.path("id").asText())
                  && subject.equals(decision.path("decidedBy").asText())
                  && MatrixFixture.DECISION_NOTE.equals(decision.path("note").asText());
            },
            Math.max(expected, 1),
            expected == 0 ? Duration.ofSeconds(3) : MatrixFixture.PATIENCE,
            Duration.ZERO);
  }

  @Test
  void everyOperationOfTheOpenApiDocumentsHasRows() throws IOException {
    Set<String> documented = new TreeSet<>();
    for (String service : AuthorizationMatrix.SERVICES) {
      // SnakeYAML rather than Jackson: the documents hold examples Jackson's YAML reader rejects
      Map<String, Map<String, Object>> paths =
          new Yaml()
              .<Map<String, Map<String, Map<String, Object>>>>load(
                  Files.readString(ROOT.resolve("docs/openapi/" + service + "-service.yaml")))
              .get("paths");
      paths.forEach(
          (path, item) ->
              item.keySet().stream()
                  .filter(METHODS::contains)
                  .forEach(m -> documented.add(service + " " + m.toUpperCase() + " " + path)));
    }
    List<Row> rows = AuthorizationMatrix.rows();
    Set<String> inTable = rows.stream().map(Row::operation).collect(Collectors.toSet());
    Set<String> withoutToken =
        rows.stream()
            .filter(r -> r.caller().equals("none") && r.expected().status() == 401)
            .map(Row::operation)
            .collect(Collectors.toSet());

    assertThat(documented).as("operations in docs/openapi").isNotEmpty();
    assertThat(minus(documented, inTable))
        .as(
            "operations of docs/openapi/*.yaml without rows in"
                + " system-tests/src/test/resources/authorization-matrix.csv")
        .isEmpty();
    assertThat(minus(inTable, documented))
        .as("rows in authorization-matrix.csv for operations no OpenAPI document has")
        .isEmpty();
    assertThat(minus(documented, withoutToken))
        .as("operations without a 'none → 401' row")
        .isEmpty();
    assertThat(minus(inTable, MatrixOperations.ALL.keySet()))
        .as("operations MatrixOperations does not know how to call")
        .isEmpty();
    Set<String> cells = new HashSet<>();
    List<Row> twice = new ArrayList<>();
    for (Row r : rows) {
      if (!cells.add(r.operation() + " | " + r.caller() + " | " + r.owner())) {
        twice.add(r);
      }
    }
    assertThat(twice).as("rows given twice").isEmpty();
  }

  private static Set<String> minus(Set<String> these, Set<String> those) {
    Set<String> rest = new TreeSet<>(these);
    rest.removeAll(those);
    return rest;
  }

  /**
   * docs/security.md shows the table the rows make. {@code -Dmatrix.write=true} rewrites its
   * section; target/authorization-matrix.md always holds the generated table.
   */
  @Test
  void securityMdShowsTheMatrix() throws IOException {
    String table = AuthorizationMatrix.markdown(AuthorizationMatrix.rows());
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "authorization-matrix.md"), table);
    String doc = Files.readString(SECURITY_MD);
    int start = doc.indexOf(START);
    int end = doc.indexOf(END);
    if (start < 0 || end < start) {
      fail("docs/security.md has no section between %s and %s", START, END);
    }
    String section = doc.substring(start + START.length(), end);
    String wanted = table + "\n";
    if (Boolean.getBoolean("matrix.write") && !section.equals(wanted)) {
      Files.writeString(
          SECURITY_MD, doc.substring(0, start + START.length()) + wanted + doc.substring(end));
      return;
    }
    assertThat(section)
        .as(
            "the matrix in docs/security.md differs from authorization-matrix.csv; regenerate it"
                + " with: ./mvnw -B -q verify -pl system-tests -am"
                + " -Dtest='AuthorizationMatrixTest#securityMdShowsTheMatrix'"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dmatrix.write=true"
                + " (the generated table is also in system-tests/target/authorization-matrix.md)")
        .isEqualTo(wanted);
  }
}
