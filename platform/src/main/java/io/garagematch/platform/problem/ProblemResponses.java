package io.garagematch.platform.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents every error response as {@code application/problem+json} with the {@code Problem}
 * schema, so resources only say which codes they answer and why. 401 and 403 come from the security
 * layer without a body.
 */
public class ProblemResponses implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI.getPaths().getPathItems().values().stream()
        .flatMap(item -> item.getOperations().values().stream())
        .filter(operation -> operation.getResponses() != null)
        .flatMap(operation -> operation.getResponses().getAPIResponses().entrySet().stream())
        .filter(ProblemResponses::isUndescribedError)
        .forEach(e -> e.getValue().setContent(problem()));
    // a read of one resource with an ETag answers a matching If-None-Match with 304 (NotModified)
    openAPI.getPaths().getPathItems().values().stream()
        .map(item -> item.getGET())
        .filter(get -> get != null && get.getResponses() != null && hasEtag(get))
        .forEach(
            get ->
                get.getResponses()
                    .addAPIResponse(
                        "304",
                        OASFactory.createAPIResponse()
                            .description(
                                "Not modified: If-None-Match names the current ETag (no body)")));
  }

  private static boolean hasEtag(org.eclipse.microprofile.openapi.models.Operation get) {
    APIResponse ok = get.getResponses().getAPIResponse("200");
    return ok != null && ok.getDescription() != null && ok.getDescription().contains("ETag");
  }

  private static boolean isUndescribedError(Map.Entry<String, APIResponse> response) {
    String code = response.getKey();
    return (code.startsWith("4") || code.startsWith("5"))
        && !code.equals("401")
        && response.getValue().getContent() == null;
  }

  private static Content problem() {
    return OASFactory.createContent()
        .addMediaType(
            Problem.MEDIA_TYPE,
            OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
  }
}
