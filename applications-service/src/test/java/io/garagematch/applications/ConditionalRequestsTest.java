package io.garagematch.applications;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 9110 conditional requests: If-Match compares strongly and takes {@code *}; reads 304. */
@QuarkusTest
class ConditionalRequestsTest {

  @Test
  void ifMatchTakesAnyVersionWithAStarAndNeverAWeakTag() {
    Map<String, Object> profile = Startups.chinese();
    String path = "/api/v1/applications/" + ApplicationsApiTest.submit("acme", profile);
    profile.put("trl", 8);

    ApplicationsApiTest.as("acme")
        .header("If-Match", "W/\"1\"")
        .body(profile)
        .put(path)
        .then()
        .statusCode(412)
        .body("type", equalTo("urn:garagematch:problem:version-mismatch"));
    ApplicationsApiTest.as("acme")
        .header("If-Match", "*")
        .body(profile)
        .put(path)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"");
  }

  @Test
  void aReadNamingTheCurrentEtagIsNotModified() {
    String path = "/api/v1/applications/" + ApplicationsApiTest.submit("acme", Startups.chinese());

    ApplicationsApiTest.as("acme")
        .header("If-None-Match", "\"1\"")
        .get(path)
        .then()
        .statusCode(304)
        .header("ETag", "\"1\"")
        .body(emptyString());
    ApplicationsApiTest.as("acme")
        .header("If-None-Match", "\"7\", W/\"1\"")
        .get(path)
        .then()
        .statusCode(304);
    ApplicationsApiTest.as("acme")
        .header("If-None-Match", "\"7\"")
        .get(path)
        .then()
        .statusCode(200)
        .body("version", equalTo(1));
  }
}
