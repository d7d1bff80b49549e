package io.garagematch.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A realistic programme to put load on: 50 open needs of ten business units (in English, German and
 * Chinese, {@code programme/needs.json}), three experts per unit who own their matches, and a
 * webhook subscription per unit to {@code match.proposed}; with 60 startup profiles written to
 * answer the needs, ten of them unrelated to any ({@code programme/startups.json}). The benchmark
 * and the fault suite's burst load it through the public APIs.
 */
public final class Programme {

  static final int EXPERTS_PER_UNIT = 3;

  /** The experts and webhook subscriptions registered, each id → its business unit. */
  public record Teams(Map<String, String> experts, Map<String, String> subscriptions) {}

  private Programme() {}

  /**
   * Registers the experts (as an admin) and subscribes {@code webhookUrl} for each unit (as its
   * staff). Do this before {@link #openNeeds}, and let matching learn of the experts (from {@code
   * expert-events}) in between: a need's first proposals are made the moment it opens, and a
   * subscription hears only of proposals made after it exists.
   *
   * @return each expert's and each subscription's id → its unit
   */
  public static Teams registerTeams(ApiClient api, String notificationsUrl, String webhookUrl)
      throws IOException, InterruptedException {
    Map<String, String> languages = new LinkedHashMap<>();
    for (JsonNode need : read("needs.json")) {
      languages.putIfAbsent(need.path("businessUnit").asText(), need.path("language").asText());
    }
    Map<String, String> experts = new LinkedHashMap<>();
    Map<String, String> subscriptions = new LinkedHashMap<>();
    for (Map.Entry<String, String> unit : languages.entrySet()) {
      for (int k = 1; k <= EXPERTS_PER_UNIT; k++) {
        ObjectNode expert = ApiClient.JSON.createObjectNode();
        expert.put("name", "Programme expert " + k + " of " + unit.getKey());
        expert.put(
            "email", "expert-" + k + "." + unit.getKey().toLowerCase(Locale.ROOT) + "@example.com");
        expert.put("businessUnit", unit.getKey());
        expert.put("language", unit.getValue());
        expert.putArray("channels").add("EMAIL");
        expert.put("timeZone", "Asia/Shanghai");
        experts.put(
            api.created(notificationsUrl + "/api/v1/experts", "admin", "programme-admin", expert)
                .path("id")
                .asText(),
            unit.getKey());
      }
      ObjectNode subscription = ApiClient.JSON.createObjectNode();
      subscription.put("businessUnit", unit.getKey());
      subscription.put("url", webhookUrl);
      subscription.putArray("eventTypes").add("match.proposed");
      subscriptions.put(
          api.created(
                  notificationsUrl + "/api/v1/subscriptions",
                  "bu-staff",
                  unit.getKey(),
                  subscription)
              .path("id")
              .asText(),
          unit.getKey());
    }
    return new Teams(experts, subscriptions);
  }

  /** Opens the programme's needs, each as staff of its unit: each id → its unit. */
  public static Map<String, String> openNeeds(ApiClient api, String matchingUrl)
      throws IOException, InterruptedException {
    Map<String, String> needs = new LinkedHashMap<>();
    for (JsonNode need : read("needs.json")) {
      String unit = need.path("businessUnit").asText();
      needs.put(
          api.created(matchingUrl + "/api/v1/needs", "bu-staff", unit, need).path("id").asText(),
          unit);
    }
    return needs;
  }

  /** The startup profiles, without {@code externalRef}: make each submission unique yourself. */
  public static List<ObjectNode> startups() {
    List<ObjectNode> startups = new ArrayList<>();
    read("startups.json").forEach(s -> startups.add((ObjectNode) s));
    return startups;
  }

  private static JsonNode read(String name) {
    try (InputStream in = Programme.class.getResourceAsStream("/programme/" + name)) {
      if (in == null) {
        throw new IllegalStateException("programme/" + name + " is not on the class path");
      }
      return ApiClient.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
