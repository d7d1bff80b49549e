package io.garagematch.systemtests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small HTTP client for the system tests that also copes with Server-Sent-Event streams: their
 * status and content type are read from the response head, and the stream is then closed.
 */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private Http() {}

  /** An answer: its status, content type, body text and, when the body is JSON, the tree. */
  record Reply(int status, String contentType, String body, String etag) {

    JsonNode json() {
      return Http.json(body);
    }

    String id() {
      return json().path("id").asText();
    }

    @Override
    public String toString() {
      return status
          + " "
          + contentType
          + " "
          + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }
  }

  /** The JSON tree of a text (missing when blank). */
  static JsonNode json(String text) {
    try {
      return text == null || text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** Sends a request; {@code token} null sends none, {@code body} null sends none. */
  static Reply send(
      String method, String url, String token, Object body, String ifMatch, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    request.header("Accept", accept == null ? "application/json" : accept);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      try {
        request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("cannot write " + body, e);
      }
    }
    try {
      HttpResponse<InputStream> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      String text;
      try (InputStream in = response.body()) {
        // an open event stream never ends: its head says what we need
        text =
            contentType.startsWith("text/event-stream")
                ? ""
                : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return new Reply(
          response.statusCode(),
          contentType,
          text,
          response.headers().firstValue("ETag").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + url, e);
    }
  }
}
