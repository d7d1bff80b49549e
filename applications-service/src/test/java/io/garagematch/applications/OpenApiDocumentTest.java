package io.garagematch.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The contract in docs/openapi is the one the service serves. */
@QuarkusTest
class OpenApiDocumentTest {

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
    String checkedIn = Files.exists(Contracts.OPENAPI) ? Files.readString(Contracts.OPENAPI) : "";
    if (!served.strip().equals(checkedIn.strip())) {
      Path actual = Path.of("target", "openapi", Contracts.OPENAPI.getFileName().toString());
      Files.createDirectories(actual.getParent());
      Files.writeString(actual, served);
      assertThat(served.strip())
          .as(
              "the API changed but docs/openapi does not say so; if the change is intended: cp %s %s",
              actual.toAbsolutePath(), Contracts.OPENAPI)
          .isEqualTo(checkedIn.strip());
    }
  }
}
