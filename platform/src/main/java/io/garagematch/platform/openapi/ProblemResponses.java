package io.garagematch.platform.openapi;

import io.garagematch.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Documents what every operation shares, so resources only say which codes they answer for reasons
 * of their own (their own text wins):
 *
 * <ul>
 *   <li>every operation with a security requirement: 400, 401, 403, 429 (the rate limits) and 503
 *       (the database out of reach);
 *   <li>every one that reads a body as well: 413 (the body size limit) and 415;
 *   <li>every read of one resource with an ETag: 304 for a matching If-None-Match ({@code
 *       NotModified}).
 * </ul>
 *
 * Every error response is {@code application/problem+json} with the {@code Problem} schema (401
 * too: {@code AuthenticationProblems}). Responses are listed by status code.
 */
public class ProblemResponses implements OASFilter {

  /** What a secured operation may answer whatever it does. */
  static final Map<String, String> SECURED =
      Map.of(
          "400",
          "Invalid input: the problem names each parameter or field at fault",
          "401",
          "No valid bearer token (WWW-Authenticate: Bearer)",
          "403",
          "A role the endpoint does not serve, or a partner, business unit or expert the caller"
              + " does not act for",
          "429",
          "Too many requests from this client: retry after Retry-After seconds",
          "503",
          "The service cannot reach its database right now (nothing was changed): retry after"
              + " Retry-After seconds");

  /** What an operation that reads a body may answer besides. */
  static final Map<String, String> WITH_BODY =
      Map.of("413", "Body over 64 KiB", "415", "Body is not JSON");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI.getPaths().getPathItems().values().stream()
        .flatMap(item -> item.getOperations().values().stream())
        .forEach(operation -> document(openAPI, operation));
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
    openAPI.getPaths().getPathItems().values().stream()
        .flatMap(item -> item.getOperations().values().stream())
        .filter(operation -> operation.getResponses() != null)
        .forEach(operation -> sortByCode(operation.getResponses()));
  }

  private static void document(OpenAPI openAPI, Operation operation) {
    if (secured(openAPI, operation)) {
      if (operation.getResponses() == null) {
        operation.setResponses(OASFactory.createAPIResponses());
      }
      addMissing(operation.getResponses(), SECURED);
      if (operation.getRequestBody() != null) {
        addMissing(operation.getResponses(), WITH_BODY);
      }
    }
    if (operation.getResponses() != null) {
      operation.getResponses().getAPIResponses().entrySet().stream()
          .filter(ProblemResponses::isUndescribedError)
          .forEach(e -> e.getValue().setContent(problem()));
    }
  }

  /** Whether the operation needs a token: its own requirement, else the document's. */
  private static boolean secured(OpenAPI openAPI, Operation operation) {
    List<SecurityRequirement> requirements =
        operation.getSecurity() != null ? operation.getSecurity() : openAPI.getSecurity();
    return requirements != null && !requirements.isEmpty();
  }

  /** Adds each response the operation does not describe itself (only by its reason phrase). */
  private static void addMissing(APIResponses responses, Map<String, String> descriptions) {
    descriptions.forEach(
        (code, description) -> {
          APIResponse own = responses.getAPIResponse(code);
          if (own == null || isReasonPhraseOnly(code, own)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
          }
        });
  }

  /** A response the generator added by itself, e.g. 400 "Bad Request" for a body. */
  private static boolean isReasonPhraseOnly(String code, APIResponse response) {
    Response.Status status = Response.Status.fromStatusCode(Integer.parseInt(code));
    return response.getContent() == null
        && (response.getDescription() == null
            || status != null && status.getReasonPhrase().equals(response.getDescription()));
  }

  private static void sortByCode(APIResponses responses) {
    Map<String, APIResponse> sorted = new LinkedHashMap<>();
    responses.getAPIResponses().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    responses.setAPIResponses(sorted);
  }

  private static boolean hasEtag(Operation get) {
    APIResponse ok = get.getResponses().getAPIResponse("200");
    return ok != null && ok.getDescription() != null && ok.getDescription().contains("ETag");
  }

  private static boolean isUndescribedError(Map.Entry<String, APIResponse> response) {
    String code = response.getKey();
    return (code.startsWith("4") || code.startsWith("5"))
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
