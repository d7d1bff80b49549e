package io.garagematch.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BinaryOperator;

/**
 * POSTs JSON bodies to the suite's public APIs with a bearer token for a role, as its users do: the
 * demo data, the benchmark's programme and the fault suite's programme are all made this way.
 */
public final class ApiClient {

  static final ObjectMapper JSON = new ObjectMapper();

  private final BinaryOperator<String> tokens;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param tokens (role, subject) → a bearer token for them
   */
  public ApiClient(BinaryOperator<String> tokens) {
    this.tokens = tokens;
  }

  /** A client whose tokens {@code tokens} signs, each valid for two hours. */
  public static ApiClient signedBy(Tokens tokens) {
    return new ApiClient((role, subject) -> tokens.forRole(role, subject, Duration.ofHours(2)));
  }

  /**
   * POSTs {@code body}; answers with the response when it is a success or 409 (it is there
   * already), and fails with the answer's body on any other status.
   */
  public HttpResponse<String> post(
      String url, String role, String subject, JsonNode body, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + tokens.apply(role, subject))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300 && r.statusCode() != 409) {
      throw new IOException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r;
  }

  /** POSTs {@code body}, which must be created (201); answers with what was created. */
  public JsonNode created(String url, String role, String subject, JsonNode body)
      throws IOException, InterruptedException {
    HttpResponse<String> r = post(url, role, subject, body, null);
    if (r.statusCode() != 201) {
      throw new IOException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }
}
