package io.garagematch.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The services' public APIs, called with the signed-in person's bearer token: the console sees
 * exactly what that person may see, and every rule stays in the services.
 */
@ApplicationScoped
public class Api {

  /** The three services. */
  public enum Service {
    APPLICATIONS,
    MATCHING,
    NOTIFICATIONS
  }

  /** A successful answer: its body and its ETag, if any. */
  public record Reply(JsonNode body, Optional<String> etag) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final ConsoleConfig config;
  private final ObjectMapper mapper;

  public Api(ConsoleConfig config, ObjectMapper mapper) {
    this.config = config;
    this.mapper = mapper;
  }

  public JsonNode get(String token, Service service, String path) {
    return call(token, service, "GET", path, null, null).body();
  }

  public Reply getWithEtag(String token, Service service, String path) {
    return call(token, service, "GET", path, null, null);
  }

  /** POST or PUT of a JSON body; {@code ifMatch} is sent as If-Match when not null. */
  public JsonNode send(
      String token, Service service, String method, String path, Object body, String ifMatch) {
    return call(token, service, method, path, body, ifMatch).body();
  }

  /** A JSON body as plain maps and lists, the shape the templates read. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> asMap(JsonNode node) {
    return mapper.convertValue(node, Map.class);
  }

  public Object plain(JsonNode node) {
    return mapper.convertValue(node, Object.class);
  }

  /** An open event stream (text/event-stream), read line by line by the caller. */
  public InputStream stream(String token, Service service, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(uri(service, path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        try (InputStream in = response.body()) {
          throw new ApiProblem(response.statusCode(), readOrNull(in.readAllBytes()));
        }
      }
      return response.body();
    } catch (IOException e) {
      throw unreachable(service, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(service, e);
    }
  }

  private Reply call(
      String token, Service service, String method, String path, Object body, String ifMatch) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(service, path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(json(body)));
    }
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode parsed = readOrNull(response.body());
      if (response.statusCode() >= 400) {
        throw new ApiProblem(response.statusCode(), parsed);
      }
      return new Reply(parsed, response.headers().firstValue("ETag"));
    } catch (IOException e) {
      throw unreachable(service, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(service, e);
    }
  }

  private URI uri(Service service, String path) {
    URI base =
        switch (service) {
          case APPLICATIONS -> config.applicationsUrl();
          case MATCHING -> config.matchingUrl();
          case NOTIFICATIONS -> config.notificationsUrl();
        };
    String root = base.toString().replaceAll("/+$", "");
    return URI.create(root + path);
  }

  private byte[] json(Object body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not writable as JSON: " + body.getClass(), e);
    }
  }

  private JsonNode readOrNull(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return NullNode.getInstance();
    }
    try {
      return mapper.readTree(bytes);
    } catch (IOException e) {
      return NullNode.getInstance();
    }
  }

  private static ApiProblem unreachable(Service service, Exception cause) {
    ApiProblem problem =
        ApiProblem.of(
            503,
            "Service unavailable",
            service.name().toLowerCase(java.util.Locale.ROOT)
                + "-service did not answer: "
                + cause.getClass().getSimpleName());
    problem.initCause(cause);
    return problem;
  }
}
