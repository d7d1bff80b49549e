package io.garagematch.applications;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The contracts checked in under docs/: event schemas and this service's OpenAPI document. */
final class Contracts {

  static final Path DOCS = Path.of("..", "docs").toAbsolutePath().normalize();
  static final Path OPENAPI = DOCS.resolve("openapi/applications-service.yaml");

  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  m ->
                      m.mapPrefix(
                          "https://garagematch.io/events/",
                          DOCS.resolve("events").toUri().toString())));

  private Contracts() {}

  /** The violations of {@code json} against {@code docs/events/<eventName>.schema.json}. */
  static Set<ValidationMessage> eventViolations(String eventName, String json) {
    JsonSchema schema =
        SCHEMAS.getSchema(
            SchemaLocation.of("https://garagematch.io/events/" + eventName + ".schema.json"));
    return schema.validate(json, InputFormat.JSON);
  }

  /** A REST Assured filter failing any request or response that breaks the OpenAPI document. */
  static OpenApiValidationFilter openApi() {
    return new OpenApiValidationFilter(
        OpenApiInteractionValidator.createForInlineApiSpecification(spec()).build());
  }

  /** Checks only the responses: for tests that send invalid requests on purpose. */
  static OpenApiValidationFilter openApiResponses() {
    return new OpenApiValidationFilter(
        OpenApiInteractionValidator.createForInlineApiSpecification(spec())
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build());
  }

  private static String spec() {
    try {
      return Files.readString(OPENAPI);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
