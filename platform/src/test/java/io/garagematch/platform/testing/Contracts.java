package io.garagematch.platform.testing;

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

/**
 * The contracts checked in under docs/: event schemas and the services' OpenAPI documents. Tests
 * run in a service's folder, so docs/ is one level up.
 */
public final class Contracts {

  public static final Path DOCS = Path.of("..", "docs").toAbsolutePath().normalize();

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
  public static Set<ValidationMessage> eventViolations(String eventName, String json) {
    JsonSchema schema =
        SCHEMAS.getSchema(
            SchemaLocation.of("https://garagematch.io/events/" + eventName + ".schema.json"));
    return schema.validate(json, InputFormat.JSON);
  }

  /** A REST Assured filter failing any request or response that breaks the OpenAPI document. */
  public static OpenApiValidationFilter openApi(String service) {
    return new OpenApiValidationFilter(
        OpenApiInteractionValidator.createForInlineApiSpecification(spec(service)).build());
  }

  /** Checks only the responses: for tests that send invalid requests on purpose. */
  public static OpenApiValidationFilter openApiResponses(String service) {
    return new OpenApiValidationFilter(
        OpenApiInteractionValidator.createForInlineApiSpecification(spec(service))
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build());
  }

  /** The checked-in OpenAPI document of {@code service}, e.g. applications-service. */
  public static Path openApiDocument(String service) {
    return DOCS.resolve("openapi/" + service + ".yaml");
  }

  private static String spec(String service) {
    try {
      return Files.readString(openApiDocument(service));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
