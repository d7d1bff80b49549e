package io.garagematch.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The contract in docs/openapi is the one the service serves. Each service runs it as its own
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
}
