package io.garagematch.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.garagematch.platform.problem.Problem;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

  private static Operation operation(boolean secured, APIResponses responses) {
    Operation operation = OASFactory.createOperation().responses(responses);
    if (secured) {
      operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));
    }
    return operation;
  }

  private static APIResponses responses(String... codesAndDescriptions) {
    APIResponses responses = OASFactory.createAPIResponses();
    for (int i = 0; i < codesAndDescriptions.length; i += 2) {
      responses.addAPIResponse(
          codesAndDescriptions[i],
          OASFactory.createAPIResponse().description(codesAndDescriptions[i + 1]));
    }
    return responses;
  }

  private static OpenAPI document(String path, String method, Operation operation) {
    PathItem item = OASFactory.createPathItem();
    item.setOperation(PathItem.HttpMethod.valueOf(method), operation);
    OpenAPI openAPI =
        OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem(path, item));
    new ProblemResponses().filterOpenAPI(openAPI);
    return openAPI;
  }

  @Test
  void aSecuredOperationGetsTheCommonErrorsListedByCodeAndKeepsItsOwnTexts() {
    Operation get =
        operation(
            true,
            responses(
                "404",
                "No such need",
                "200",
                "The need",
                "403",
                "A unit the caller does not act for"));

    document("/needs/{id}", "GET", get);

    assertThat(List.copyOf(get.getResponses().getAPIResponses().keySet()))
        .containsExactly("200", "400", "401", "403", "404", "429", "503");
    assertThat(get.getResponses().getAPIResponse("403").getDescription())
        .isEqualTo("A unit the caller does not act for");
    assertThat(get.getResponses().getAPIResponse("400").getDescription())
        .isEqualTo(ProblemResponses.SECURED.get("400"));
    assertThat(problemSchema(get.getResponses().getAPIResponse("404")))
        .isEqualTo("#/components/schemas/Problem");
    assertThat(problemSchema(get.getResponses().getAPIResponse("401")))
        .as("401 is a problem too (AuthenticationProblems)")
        .isEqualTo("#/components/schemas/Problem");
  }

  @Test
  void anOperationWithABodyGets413And415AndLosesTheGeneratorsBareBadRequest() {
    Operation post = operation(true, responses("201", "Opened", "400", "Bad Request"));
    post.setRequestBody(OASFactory.createRequestBody());

    document("/needs", "POST", post);

    assertThat(post.getResponses().getAPIResponses())
        .containsKeys("400", "401", "403", "413", "415", "429", "503");
    assertThat(post.getResponses().getAPIResponse("400").getDescription())
        .isEqualTo(ProblemResponses.SECURED.get("400"));
    assertThat(problemSchema(post.getResponses().getAPIResponse("415")))
        .isEqualTo("#/components/schemas/Problem");
  }

  @Test
  void anOpenOperationGetsNoSecurityErrors() {
    Operation get = operation(false, responses("200", "OK"));

    document("/open", "GET", get);

    assertThat(get.getResponses().getAPIResponses()).containsOnlyKeys("200");
  }

  @Test
  void aReadWithAnEtagAlsoAnswersNotModified() {
    Operation get = operation(true, responses("200", "The need; its ETag is its version"));

    document("/needs/{id}", "GET", get);

    assertThat(get.getResponses().getAPIResponse("304")).isNotNull();
    assertThat(get.getResponses().getAPIResponse("304").getContent()).isNull();
  }

  private static String problemSchema(APIResponse response) {
    return response.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema().getRef();
  }
}
