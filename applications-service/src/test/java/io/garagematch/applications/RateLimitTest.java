package io.garagematch.applications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.garagematch.infra.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One client bursting over its limit gets 429 with Retry-After while another client is served;
 * calls without a token are limited by address; health checks never are.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Tight.class)
class RateLimitTest {

  /** Small limits, so a test reaches them in a few requests. */
  public static class Tight implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "garagematch.rate-limit.enabled", "true",
          "garagematch.rate-limit.per-client.rate", "1",
          "garagematch.rate-limit.per-client.burst", "5",
          "garagematch.rate-limit.anonymous.rate", "1",
          "garagematch.rate-limit.anonymous.burst", "3");
    }
  }

  @Test
  void aClientOverItsLimitGets429WithRetryAfterWhileAnotherIsServed() {
    String busy = TestTokens.forRole("partner", "busy-partner");
    List<Response> burst = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      burst.add(given().header("Authorization", "Bearer " + busy).get("/api/v1/me"));
    }
    assertThat(burst.subList(0, 5)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    List<Response> refused = burst.stream().filter(r -> r.statusCode() == 429).toList();
    assertThat(refused).hasSizeGreaterThanOrEqualTo(6);
    Response first = refused.get(0);
    assertThat(first.contentType()).startsWith("application/problem+json");
    assertThat(first.jsonPath().getString("type")).endsWith("too-many-requests");
    assertThat(Integer.parseInt(first.header("Retry-After"))).isBetween(1, 2);

    given()
        .header("Authorization", "Bearer " + TestTokens.forRole("partner", "quiet-partner"))
        .get("/api/v1/me")
        .then()
        .statusCode(200);
  }

  @Test
  void callsWithoutATokenAreLimitedByAddressAndHealthNever() {
    List<Integer> anonymous = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      anonymous.add(given().get("/api/v1/applications").statusCode());
    }
    assertThat(anonymous).contains(401).contains(429);
    Response refused = given().get("/api/v1/applications");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.header("Retry-After")).isNotBlank();

    for (int i = 0; i < 20; i++) {
      given().get("/q/health/live").then().statusCode(200);
    }
  }
}
