package io.garagematch.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the demo data ({@code deploy/demo/*.json}) into a running local stack through the public
 * APIs, as the programme's users would: business units open their needs, an admin registers the
 * experts, a business unit subscribes a webhook (to the local receiver), and a partner submits the
 * startups. Anything already there (409) is skipped, so a second run changes nothing.
 *
 * <pre>
 * DemoLoader STATE_DIR DEMO_DIR
 * </pre>
 */
public final class DemoLoader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String APPLICATIONS = "http://127.0.0.1:8081";
  private static final String MATCHING = "http://127.0.0.1:8082";
  private static final String NOTIFICATIONS = "http://127.0.0.1:8083";

  private final ApiClient api;

  private DemoLoader(ApiClient api) {
    this.api = api;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: DemoLoader STATE_DIR DEMO_DIR");
      System.exit(2);
    }
    Path state = Path.of(args[0]);
    Path demo = Path.of(args[1]);
    DemoLoader loader =
        new DemoLoader(
            ApiClient.signedBy(
                new Tokens(
                    Tokens.readPrivateKey(state.resolve("jwt/private.pem")), Tokens.ISSUER)));
    int needs = 0;
    for (JsonNode need : read(demo.resolve("needs.json"))) {
      needs +=
          loader.post(
                  MATCHING + "/api/v1/needs",
                  "bu-staff",
                  need.get("businessUnit").asText(),
                  need,
                  null)
              ? 1
              : 0;
    }
    int experts = 0;
    for (JsonNode expert : read(demo.resolve("experts.json"))) {
      experts +=
          loader.post(NOTIFICATIONS + "/api/v1/experts", "admin", "demo-admin", expert, null)
              ? 1
              : 0;
    }
    int subscriptions = 0;
    for (JsonNode s : read(demo.resolve("subscriptions.json"))) {
      JsonNode created =
          loader.postForBody(
              NOTIFICATIONS + "/api/v1/subscriptions",
              "bu-staff",
              s.get("businessUnit").asText(),
              s);
      if (created != null) {
        subscriptions++;
        Files.writeString(
            state.resolve("demo-webhook-secret.txt"), created.get("secret").asText() + "\n");
      }
    }
    int startups = 0;
    for (JsonNode startup : read(demo.resolve("startups.json"))) {
      startups +=
          loader.post(
                  APPLICATIONS + "/api/v1/applications",
                  "partner",
                  "demo-partner",
                  startup,
                  startup.path("externalRef").asText(null))
              ? 1
              : 0;
    }
    System.out.printf(
        "demo data: %d needs, %d experts, %d subscriptions, %d startups created%n",
        needs, experts, subscriptions, startups);
  }

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  /** True when created; false when it was there already (409). */
  private boolean post(
      String url, String role, String subject, JsonNode body, String idempotencyKey)
      throws IOException, InterruptedException {
    return api.post(url, role, subject, body, idempotencyKey).statusCode() != 409;
  }

  /** The created resource, or null when it was there already. */
  private JsonNode postForBody(String url, String role, String subject, JsonNode body)
      throws IOException, InterruptedException {
    HttpResponse<String> r = api.post(url, role, subject, body, null);
    return r.statusCode() == 409 ? null : JSON.readTree(r.body());
  }
}
