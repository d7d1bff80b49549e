package io.garagematch.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Names every operation for generated clients: the scanner names it {@code Class_method} ({@code
 * quarkus.smallrye-openapi.operation-id-strategy=class-method}); this makes that {@code
 * methodResource}, e.g. {@code NeedResource_close} becomes {@code closeNeed} (and {@code
 * ExpertResource_listExperts} stays {@code listExperts}); an operationId written in the resource is
 * kept. Two operations of one document with the same name fail the build.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OperationIds implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Map<String, String> seen = new HashMap<>();
    Operations.forEach(
        openAPI,
        (where, operation) -> {
          String id = name(operation.getOperationId());
          String before = seen.putIfAbsent(id, where);
          if (before != null) {
            throw new IllegalStateException(
                "operationId " + id + " names both " + before + " and " + where);
          }
          operation.setOperationId(id);
        });
  }

  /** {@code ApplicationResource_history} → {@code historyApplication}. */
  static String name(String scanned) {
    if (scanned == null || scanned.indexOf('_') < 0) {
      return scanned;
    }
    String type = scanned.substring(0, scanned.lastIndexOf('_'));
    String method = scanned.substring(scanned.lastIndexOf('_') + 1);
    String resource = type.endsWith("Resource") ? type.substring(0, type.length() - 8) : type;
    return method.toLowerCase(Locale.ROOT).contains(resource.toLowerCase(Locale.ROOT))
        ? method
        : method + resource;
  }

  /** Unused: operations are renamed once the whole document is known, to find duplicates. */
  @Override
  public Operation filterOperation(Operation operation) {
    return operation;
  }
}
