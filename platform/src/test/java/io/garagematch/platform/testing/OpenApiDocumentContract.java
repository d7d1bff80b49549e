package io.garagematch.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract in docs/openapi is the one the service serves, and its examples show every request
 * body and every success response in a form the document accepts. Each service runs it as its own
 * {@code OpenApiDocumentTest}.
 */
public abstract class OpenApiDocumentContract {

  private final String service;

  protected OpenApiDocumentContract(String service) {
    this.service = service;
  }

  @Test
  void checkedInDocumentIsTheServedOne() throws Exception {
    String served =
        given()
            .accept("application/yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String checkedIn =
        Files.exists(Contracts.openApiDocument(service))
            ? Files.readString(Contracts.openApiDocument(service))
            : "";
    if (!served.strip().equals(checkedIn.strip())) {
      Path actual =
          Path.of("target", "openapi", Contracts.openApiDocument(service).getFileName().toString());
      Files.createDirectories(actual.getParent());
      Files.writeString(actual, served);
      assertThat(served.strip())
          .as(
              "the API changed but docs/openapi does not say so; if the change is intended: cp %s %s",
              actual.toAbsolutePath(), Contracts.openApiDocument(service))
          .isEqualTo(checkedIn.strip());
    }
  }

  @Test
  void everyOperationShowsAnExampleOfEachBody() throws IOException {
    List<String> missing = new ArrayList<>();
    Set<String> operationIds = new TreeSet<>();
    forEachOperation(
        parsed(),
        (where, operation) -> {
          operationIds.add(operation.getOperationId());
          bodies(operation)
              .filter(body -> body.media().getExample() == null)
              .forEach(body -> missing.add(where + " " + body));
        });
    assertThat(missing)
        .as("bodies without an example: add them to src/main/resources/openapi/examples")
        .isEmpty();
    Path folder = Path.of("src/main/resources/openapi/examples");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", "")))
          .as("example files of operations the service does not have")
          .allMatch(operationIds::contains);
    }
  }

  @Test
  void everyExampleFitsTheDocument() throws IOException {
    String spec = Files.readString(Contracts.openApiDocument(service));
    // the examples show bodies: the parameters and tokens of a real call are not part of them
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(spec)
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel("validation.request.parameter", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                    .build())
            .build();
    List<String> violations = new ArrayList<>();
    forEachOperation(
        parsed(),
        (where, operation) -> {
          String method = where.substring(0, where.indexOf(' '));
          String path = where.substring(where.indexOf(' ') + 1);
          bodies(operation)
              .filter(body -> body.media().getExample() != null)
              .forEach(
                  body -> {
                    String example = json(body.media().getExample());
                    ValidationReport report =
                        body.status() == null
                            ? validator.validateRequest(
                                new SimpleRequest.Builder(method, path.replaceAll("\\{[^}]+}", "x"))
                                    .withContentType(body.type())
                                    .withBody(example)
                                    .build())
                            : validator.validateResponse(
                                path,
                                Request.Method.valueOf(method),
                                SimpleResponse.Builder.status(Integer.parseInt(body.status()))
                                    .withContentType(body.type())
                                    .withBody(example)
                                    .build());
                    report.getMessages().stream()
                        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .forEach(m -> violations.add(where + " " + body + ": " + m));
                  });
        });
    assertThat(violations).as("examples the document refuses").isEmpty();
  }

  /** A body of an operation: its request's ({@code status} null) or a success response's. */
  private record Body(String status, String type, MediaType media) {
    @Override
    public String toString() {
      return (status == null ? "request" : status) + " " + type;
    }
  }

  private static Stream<Body> bodies(Operation operation) {
    Stream<Body> request =
        operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
            ? Stream.empty()
            : operation.getRequestBody().getContent().entrySet().stream()
                .map(m -> new Body(null, m.getKey(), m.getValue()));
    Stream<Body> responses =
        operation.getResponses() == null
            ? Stream.empty()
            : operation.getResponses().entrySet().stream()
                .filter(response -> response.getKey().startsWith("2"))
                .filter(response -> response.getValue().getContent() != null)
                .flatMap(
                    response ->
                        response.getValue().getContent().entrySet().stream()
                            .map(m -> new Body(response.getKey(), m.getKey(), m.getValue())));
    return Stream.concat(request, responses);
  }

  private interface OperationVisitor {
    void visit(String methodAndPath, Operation operation);
  }

  private static void forEachOperation(OpenAPI document, OperationVisitor visitor) {
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, operation) -> visitor.visit(method + " " + path, operation)));
  }

  private OpenAPI parsed() throws IOException {
    return new OpenAPIV3Parser()
        .readContents(Files.readString(Contracts.openApiDocument(service)))
        .getOpenAPI();
  }

  private static String json(Object example) {
    try {
      return Json.mapper().writeValueAsString(example);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
