package io.garagematch.platform.openapi;

import java.util.function.BiConsumer;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/** Walks the operations of a document, for the filters that look at each one. */
final class Operations {

  private Operations() {}

  /** Calls {@code visit} with {@code "GET /api/v1/needs"} and its operation, for every one. */
  static void forEach(OpenAPI openAPI, BiConsumer<String, Operation> visit) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach((method, operation) -> visit.accept(method + " " + path, operation)));
  }
}
