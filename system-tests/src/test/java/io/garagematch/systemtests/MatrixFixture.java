package io.garagematch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.garagematch.infra.Ports;
import io.garagematch.infra.TestTokens;
import io.garagematch.systemtests.Http.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The data the authorization matrix runs on, made through the public APIs: partners A and B with an
 * application each (and B a second one, C); units U1 and U2 with a need, an expert (registered by
 * an admin) and a webhook subscription each; the matches of A's application on both needs; an inbox
 * item of each expert; B's match on U1's need and C's on U2's accepted, so that U1 may see B's
 * contact and U2 C's. Objects an operation changes for good are made fresh for each row.
 */
final class MatrixFixture {

  static final String U1 = "Authorization Matrix Unit One";
  static final String U2 = "Authorization Matrix Unit Two";
  static final String PARTNER_A = "authz-partner-a";
  static final String PARTNER_B = "authz-partner-b";
  static final String ADMIN = "authz-admin";
  static final Duration PATIENCE = Duration.ofSeconds(60);

  final RunningServices.Services services;

  /** An expert id that belongs to no registered expert. */
  final String unregisteredExpert = UUID.randomUUID().toString();

  String expert1;
  String expert2;
  String subscription1;
  String subscription2;
  String need1;
  String need2;
  String applicationA;
  String applicationB;

  /** An application of partner B whose match on U2's need is accepted (U2 may see its contact). */
  String applicationC;

  String match1;
  String match2;
  String inboxItem1;
  String inboxItem2;

  /** An object made for one row: its id, its ETag and the body it was made with. */
  record Made(String id, String etag, Map<String, Object> body) {}

  private MatrixFixture(RunningServices.Services services) {
    this.services = services;
  }

  static MatrixFixture create(RunningServices.Services services) {
    MatrixFixture f = new MatrixFixture(services);
    f.setUp();
    return f;
  }

  private void setUp() {
    expert1 = created(post("notifications", "/api/v1/experts", admin(), expertSpec(U1))).id();
    expert2 = created(post("notifications", "/api/v1/experts", admin(), expertSpec(U2))).id();
    subscription1 =
        created(post("notifications", "/api/v1/subscriptions", staff(U1), liveSubscription(U1)))
            .id();
    subscription2 =
        created(post("notifications", "/api/v1/subscriptions", staff(U2), liveSubscription(U2)))
            .id();
    need1 = created(post("matching", "/api/v1/needs", staff(U1), batteryNeed(U1))).id();
    need2 = created(post("matching", "/api/v1/needs", staff(U2), batteryNeed(U2))).id();
    applicationA =
        created(post("applications", "/api/v1/applications", partner(PARTNER_A), batteryStartup()))
            .id();
    applicationB =
        created(post("applications", "/api/v1/applications", partner(PARTNER_B), batteryStartup()))
            .id();
    applicationC =
        created(post("applications", "/api/v1/applications", partner(PARTNER_B), batteryStartup()))
            .id();

    match1 = matchOf(applicationA, need1);
    match2 = matchOf(applicationA, need2);
    accept(matchOf(applicationB, need1));
    accept(matchOf(applicationC, need2));
    inboxItem1 = firstInboxItem(expert1);
    inboxItem2 = firstInboxItem(expert2);

    // matching-service learns the experts from expert-events; until it has, an expert acts for
    // nothing there. Rows that need it to know E1 fail on their own if it never does.
    try {
      await("matching-service knows expert E1")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(300))
          .until(() -> get("matching", "/api/v1/needs/" + need1, token("expert")).status() == 200);
    } catch (ConditionTimeoutException e) {
      System.err.println("matching-service did not let expert E1 read its unit's need in 30 s");
    }
    // applications-service learns accepted matches from match-events
    try {
      await("applications-service releases B's contact to U1")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(300))
          .until(
              () ->
                  get(
                              "applications",
                              "/api/v1/applications/" + applicationB + "/contact",
                              staff(U1))
                          .status()
                      == 200);
    } catch (ConditionTimeoutException e) {
      System.err.println("applications-service did not release B's contact to U1 in 30 s");
    }
  }

  /** The id of the match of an application on a need, once matching-service has it. */
  private String matchOf(String application, String need) {
    Map<String, String> matchOfNeed = new LinkedHashMap<>();
    await("the match of application " + application + " on need " + need)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              get("matching", "/api/v1/applications/" + application + "/matches", admin())
                  .json()
                  .path("items")
                  .forEach(m -> matchOfNeed.put(m.path("needId").asText(), m.path("id").asText()));
              return matchOfNeed.containsKey(need);
            });
    return matchOfNeed.get(need);
  }

  private void accept(String match) {
    Reply r =
        post(
            "matching",
            "/api/v1/matches/" + match + "/decisions",
            admin(),
            Map.of("decision", "ACCEPTED", "note", "to release the contact"));
    assertThat(r.status()).as("admin accepts %s: %s", match, r).isEqualTo(201);
  }

  private String firstInboxItem(String expert) {
    List<String> items = new ArrayList<>();
    await("an inbox item of expert " + expert)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              get("notifications", "/api/v1/experts/" + expert + "/inbox", admin())
                  .json()
                  .path("items")
                  .forEach(i -> items.add(i.path("id").asText()));
              return !items.isEmpty();
            });
    return items.get(0);
  }

  // ---- callers

  /** The token of a caller of the matrix (null: none). */
  String token(String caller) {
    return switch (caller) {
      case "none" -> null;
      case "partner" -> partner(PARTNER_A);
      case "bu-staff" -> staff(U1);
      case "expert" -> TestTokens.forExpert(expert1, U1);
      case "expert (unregistered)" -> TestTokens.forExpert(unregisteredExpert, U1);
      case "admin" -> admin();
      default -> throw new IllegalArgumentException("unknown caller " + caller);
    };
  }

  /** The token's subject: who a decision would be recorded as. */
  String subject(String caller) {
    return switch (caller) {
      case "partner" -> PARTNER_A;
      case "bu-staff" -> U1;
      case "expert" -> expert1;
      case "expert (unregistered)" -> unregisteredExpert;
      case "admin" -> ADMIN;
      default -> "";
    };
  }

  static String partner(String partnerId) {
    return TestTokens.forRole("partner", partnerId);
  }

  static String staff(String unit) {
    return TestTokens.forRole("bu-staff", unit);
  }

  static String admin() {
    return TestTokens.forRole("admin", ADMIN);
  }

  // ---- the caller's and the other party's objects

  static String unit(boolean others) {
    return others ? U2 : U1;
  }

  String application(boolean others) {
    return others ? applicationB : applicationA;
  }

  /**
   * The application whose contact a row asks for: a partner's own or another partner's; for
   * bu-staff, one with an accepted match of U1 (own) or only of U2 (another unit's).
   */
  String contactOf(String caller, boolean others) {
    if (caller.equals("bu-staff")) {
      return others ? applicationC : applicationB;
    }
    return application(others);
  }

  String need(boolean others) {
    return others ? need2 : need1;
  }

  String match(boolean others) {
    return others ? match2 : match1;
  }

  String expert(boolean others) {
    return others ? expert2 : expert1;
  }

  String inboxItem(boolean others) {
    return others ? inboxItem2 : inboxItem1;
  }

  String subscription(boolean others) {
    return others ? subscription2 : subscription1;
  }

  // ---- fresh objects, for operations that change them for good

  Made freshApplication(boolean others) {
    Map<String, Object> body = inertStartup();
    Reply r =
        created(
            post(
                "applications",
                "/api/v1/applications",
                partner(others ? PARTNER_B : PARTNER_A),
                body));
    return new Made(r.id(), r.etag(), body);
  }

  /**
   * A new PROPOSED match on the unit's need (a new application of partner A like A, on which a
   * decision is always allowed once).
   */
  String freshMatch(boolean others) {
    String application =
        created(post("applications", "/api/v1/applications", partner(PARTNER_A), batteryStartup()))
            .id();
    return matchOf(application, need(others));
  }

  /** A partner subscription of partner A (own) or B (another partner's). */
  String freshPartnerSubscription(boolean others) {
    return created(
            post(
                "notifications",
                "/api/v1/partner-subscriptions",
                partner(others ? PARTNER_B : PARTNER_A),
                partnerSubscription()))
        .id();
  }

  static Map<String, Object> partnerSubscription() {
    return Map.of("url", deadUrl());
  }

  Made freshNeed(boolean others) {
    Map<String, Object> body = inertNeed(unit(others));
    Reply r = created(post("matching", "/api/v1/needs", staff(unit(others)), body));
    return new Made(r.id(), r.etag(), body);
  }

  Made freshExpert(boolean others) {
    Map<String, Object> body = expertSpec(unit(others));
    Reply r = created(post("notifications", "/api/v1/experts", admin(), body));
    return new Made(r.id(), r.etag(), body);
  }

  Made freshSubscription(boolean others) {
    Map<String, Object> body = inertSubscription(unit(others));
    Reply r = created(post("notifications", "/api/v1/subscriptions", staff(unit(others)), body));
    return new Made(r.id(), r.etag(), body);
  }

  /**
   * A DEAD notification of the unit: a new subscription to decisions with an endpoint nothing
   * listens on hears of an admin's decision on the unit's match, and its one attempt fails.
   */
  String deadNotification(boolean others) {
    String unit = unit(others);
    String subscription =
        created(
                post(
                    "notifications",
                    "/api/v1/subscriptions",
                    staff(unit),
                    Map.of(
                        "businessUnit",
                        unit,
                        "url",
                        deadUrl(),
                        "eventTypes",
                        List.of("match.decided"))))
            .id();
    Reply decided =
        post(
            "matching",
            "/api/v1/matches/" + freshMatch(others) + "/decisions",
            admin(),
            Map.of("decision", "SHORTLISTED", "note", "to make a dead notification"));
    assertThat(decided.status()).as("admin decides: %s", decided).isEqualTo(201);
    List<String> dead = new ArrayList<>();
    await("a DEAD notification for subscription " + subscription)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              get(
                      "notifications",
                      "/api/v1/notifications?status=DEAD&recipientId=" + subscription,
                      admin())
                  .json()
                  .path("items")
                  .forEach(n -> dead.add(n.path("id").asText()));
              return !dead.isEmpty();
            });
    return dead.get(0);
  }

  /** The current ETag of an object, read by an admin. */
  String etag(String service, String path) {
    Reply r = get(service, path, admin());
    assertThat(r.status()).as("admin reads %s: %s", path, r).isEqualTo(200);
    return r.etag();
  }

  // ---- bodies: valid, so that a status says something about authorization only

  static Map<String, Object> batteryNeed(String unit) {
    return Map.of(
        "businessUnit",
        unit,
        "language",
        "en",
        "title",
        "Solid-state battery cells for high-voltage storage",
        "problemStatement",
        "We look for solid-state battery cells above 400 Wh/kg energy density for the high-voltage"
            + " storage of our next electric vehicle platform, with fast charging and a pilot line.",
        "keywords",
        List.of("solid-state battery", "energy density", "fast charging"),
        "innovationFields",
        List.of("ELECTRIFICATION"),
        "minTrl",
        3,
        "regions",
        List.of("DE"),
        "matchThreshold",
        0.05);
  }

  /** A need no startup of this test passes (the matcher proposes nothing for it). */
  static Map<String, Object> inertNeed(String unit) {
    return Map.of(
        "businessUnit",
        unit,
        "language",
        "en",
        "title",
        "Showroom kiosks for Iceland",
        "problemStatement",
        "Interactive kiosks for showrooms in Reykjavik.",
        "innovationFields",
        List.of("DIGITAL_RETAIL"),
        "minTrl",
        9,
        "regions",
        List.of("IS"));
  }

  static Map<String, Object> batteryStartup() {
    return startup(
        "Festkörper " + UUID.randomUUID().toString().substring(0, 8),
        "Solid-state battery cells with 450 Wh/kg energy density and fast charging for electric"
            + " vehicles; pilot line in Munich.",
        "ELECTRIFICATION",
        6);
  }

  /** A startup no need of this test takes (a TRL no need accepts). */
  static Map<String, Object> inertStartup() {
    return startup(
        "Pallet Tracking " + UUID.randomUUID().toString().substring(0, 8),
        "RFID pallet tracking for inbound logistics.",
        "SUPPLY_CHAIN",
        1);
  }

  private static Map<String, Object> startup(String name, String pitch, String field, int trl) {
    return Map.of(
        "name",
        name,
        "country",
        "DE",
        "city",
        "Munich",
        "language",
        "en",
        "pitch",
        pitch,
        "innovationFields",
        List.of(field),
        "trl",
        trl,
        "fundingStage",
        "SEED",
        "contact",
        Map.of("name", "Anna Weber", "email", "anna@startup.example.de"));
  }

  static Map<String, Object> expertSpec(String unit) {
    return Map.of(
        "name",
        "Expert " + unit,
        "email",
        "expert-" + UUID.randomUUID() + "@example.com",
        "businessUnit",
        unit,
        "language",
        "en",
        "channels",
        List.of("IN_APP"),
        "timeZone",
        "Europe/Berlin");
  }

  static Map<String, Object> preferences() {
    return Map.of("language", "en", "channels", List.of("IN_APP"), "timeZone", "Europe/Berlin");
  }

  /** A subscription that hears of new matches in its unit (its endpoint is dead). */
  static Map<String, Object> liveSubscription(String unit) {
    return Map.of("businessUnit", unit, "url", deadUrl(), "eventTypes", List.of("match.proposed"));
  }

  /** An inactive subscription: valid, but never delivered to. */
  static Map<String, Object> inertSubscription(String unit) {
    return Map.of(
        "businessUnit",
        unit,
        "url",
        deadUrl(),
        "eventTypes",
        List.of("match.withdrawn"),
        "active",
        false);
  }

  /** The note of the decisions the matrix's rows make (the fixture's own have another). */
  static final String DECISION_NOTE = "authorization matrix";

  static Map<String, Object> decision() {
    return Map.of("decision", "SHORTLISTED", "note", DECISION_NOTE);
  }

  /** A webhook endpoint nothing listens on: every delivery fails at once. */
  static String deadUrl() {
    return "http://127.0.0.1:" + Ports.free() + "/hooks/" + UUID.randomUUID();
  }

  // ---- HTTP

  String url(String service) {
    return switch (service) {
      case "applications" -> services.applications().url();
      case "matching" -> services.matching().url();
      case "notifications" -> services.notifications().url();
      default -> throw new IllegalArgumentException("unknown service " + service);
    };
  }

  Reply get(String service, String path, String token) {
    return Http.send("GET", url(service) + path, token, null, null, null);
  }

  Reply post(String service, String path, String token, Object body) {
    return Http.send("POST", url(service) + path, token, body, null, null);
  }

  private static Reply created(Reply r) {
    assertThat(r.status()).as("setting up: %s", r).isEqualTo(201);
    return r;
  }

  /** The ids of a list answer's items. */
  static List<String> ids(Reply r) {
    List<String> ids = new ArrayList<>();
    for (JsonNode item : r.json().path("items")) {
      ids.add(item.path("id").asText());
    }
    return ids;
  }

  static Optional<String> problemType(Reply r) {
    return r.contentType().startsWith("application/problem+json")
        ? Optional.of(r.json().path("type").asText())
        : Optional.empty();
  }
}
