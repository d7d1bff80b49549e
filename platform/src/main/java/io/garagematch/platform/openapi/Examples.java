package io.garagematch.platform.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Gives each operation the examples of its service's {@code openapi/examples/<operationId>.json}:
 *
 * <pre>{@code
 * { "request": { ...the body... }, "responses": { "201": { ...the body... } } }
 * }</pre>
 *
 * Examples are data, kept beside the service rather than in annotations, so resources stay thin;
 * each service's {@code OpenApiDocumentTest} checks that every operation has them and that they fit
 * the document. A file naming a request or a response the operation does not have fails the build.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class Examples implements OASFilter {

  static final String FOLDER = "openapi/examples/";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Operations.forEach(openAPI, Examples::add);
  }

  private static void add(String where, Operation operation) {
    // the operation may not be renamed yet: OperationIds runs in the same stage
    String id = OperationIds.name(operation.getOperationId());
    Example example = load(id);
    if (example == null) {
      return;
    }
    if (example.request() != null) {
      if (operation.getRequestBody() == null) {
        throw new IllegalStateException(FOLDER + id + ".json: " + where + " takes no body");
      }
      setExample(operation.getRequestBody().getContent(), example.request());
    }
    if (example.responses() != null) {
      example
          .responses()
          .forEach(
              (status, body) -> {
                APIResponse response =
                    operation.getResponses() == null
                        ? null
                        : operation.getResponses().getAPIResponse(status);
                if (response == null || response.getContent() == null) {
                  throw new IllegalStateException(
                      FOLDER + id + ".json: " + where + " has no " + status + " with a body");
                }
                setExample(response.getContent(), body);
              });
    }
  }

  private static void setExample(Content content, Object value) {
    if (content != null && content.getMediaTypes() != null) {
      content.getMediaTypes().values().forEach(mediaType -> mediaType.setExample(value));
    }
  }

  private static Example load(String operationId) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(FOLDER + operationId + ".json")) {
      return in == null ? null : JSON.readValue(in, Example.class);
    } catch (IOException e) {
      throw new UncheckedIOException(FOLDER + operationId + ".json is not an example", e);
    }
  }

  /** One file: the request body (if the operation takes one) and each success response's body. */
  record Example(Object request, Map<String, Object> responses) {}

  /** Unused: examples are added once the whole document is known. */
  @Override
  public Operation filterOperation(Operation operation) {
    return operation;
  }
}
