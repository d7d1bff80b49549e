package io.garagematch.systemtests;

import io.garagematch.systemtests.AuthorizationMatrix.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How the matrix calls each operation of the OpenAPI documents: on which object (the caller's own
 * or another party's, made fresh where the operation changes it for good), with a valid body and
 * the right If-Match, so that the status tells about authorization only.
 */
final class MatrixOperations {

  /** A request, without its token (the row's caller gives that). */
  record Call(
      String method, String path, Object body, String ifMatch, String accept, String target) {

    static Call get(String path) {
      return new Call("GET", path, null, null, null, null);
    }

    static Call post(String path, Object body) {
      return new Call("POST", path, body, null, null, null);
    }

    static Call put(String path, Object body, String ifMatch) {
      return new Call("PUT", path, body, ifMatch, null, null);
    }

    static Call delete(String path) {
      return new Call("DELETE", path, null, null, null, null);
    }

    Call on(String targetId) {
      return new Call(method, path, body, ifMatch, accept, targetId);
    }

    Call accepting(String mediaType) {
      return new Call(method, path, body, ifMatch, mediaType, target);
    }
  }

  /**
   * An operation: how to call it for a row, and, for a list, the ids of the caller's own object and
   * of another party's (what "own only", "all" and "empty" look at).
   */
  record Operation(
      BiFunction<MatrixFixture, Row, Call> call, Function<MatrixFixture, List<String>> listed) {}

  static final Map<String, Operation> ALL = new LinkedHashMap<>();

  private static void op(String key, BiFunction<MatrixFixture, Row, Call> call) {
    ALL.put(key, new Operation(call, null));
  }

  private static void list(
      String key,
      BiFunction<MatrixFixture, Row, Call> call,
      Function<MatrixFixture, List<String>> listed) {
    ALL.put(key, new Operation(call, listed));
  }

  static {
    String apps = "/api/v1/applications/";
    op(
        "applications POST /api/v1/applications",
        (f, r) -> Call.post("/api/v1/applications", MatrixFixture.inertStartup()));
    list(
        "applications GET /api/v1/applications",
        (f, r) -> Call.get("/api/v1/applications?limit=200"),
        f -> List.of(f.applicationA, f.applicationB));
    op(
        "applications GET /api/v1/applications/{id}",
        (f, r) -> Call.get(apps + f.application(r.others())));
    op(
        "applications PUT /api/v1/applications/{id}",
        (f, r) -> {
          var a = f.freshApplication(r.others());
          return Call.put(apps + a.id(), a.body(), a.etag());
        });
    op(
        "applications POST /api/v1/applications/{id}/erasure",
        (f, r) -> Call.post(apps + f.freshApplication(r.others()).id() + "/erasure", null));
    op(
        "applications GET /api/v1/applications/{id}/versions",
        (f, r) -> Call.get(apps + f.application(r.others()) + "/versions"));
    op(
        "applications GET /api/v1/applications/{id}/contact",
        (f, r) -> Call.get(apps + f.contactOf(r.caller(), r.others()) + "/contact"));
    op(
        "applications POST /api/v1/applications/{id}/withdrawal",
        (f, r) -> Call.post(apps + f.freshApplication(r.others()).id() + "/withdrawal", null));
    op("applications GET /api/v1/me", (f, r) -> Call.get("/api/v1/me"));

    String needs = "/api/v1/needs/";
    list(
        "matching GET /api/v1/applications/{id}/matches",
        (f, r) -> Call.get(apps + f.applicationA + "/matches"),
        f -> List.of(f.match1, f.match2));
    op(
        "matching POST /api/v1/matches/{id}/decisions",
        (f, r) -> {
          String match = f.freshMatch(r.others());
          return Call.post("/api/v1/matches/" + match + "/decisions", MatrixFixture.decision())
              .on(match);
        });
    op(
        "matching GET /api/v1/matches/{id}",
        (f, r) -> Call.get("/api/v1/matches/" + f.match(r.others())));
    op(
        "matching PUT /api/v1/matches/{id}/owner",
        (f, r) ->
            Call.put(
                "/api/v1/matches/" + f.freshMatch(r.others()) + "/owner",
                java.util.Map.of("expertId", f.expert(r.others())),
                null));
    op(
        "matching GET /api/v1/business-units/{unit}/queue",
        (f, r) ->
            Call.get(
                "/api/v1/business-units/"
                    + java.net.URLEncoder.encode(
                            MatrixFixture.unit(r.others()), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20")
                    + "/queue"));
    op(
        "matching GET /api/v1/business-units/{unit}/weights",
        (f, r) -> Call.get(unitWeights(r.others())));
    op(
        "matching GET /api/v1/business-units/{unit}/weights/replay",
        (f, r) -> Call.get(unitWeights(r.others()) + "/replay"));
    // the matrix's units have fewer decisions than a promotion needs: 409 once authorized
    op(
        "matching POST /api/v1/business-units/{unit}/weights/promotions",
        (f, r) -> Call.post(unitWeights(r.others()) + "/promotions", null));
    op(
        "matching GET /api/v1/needs/{id}/candidates/{applicationId}",
        (f, r) -> Call.get(needs + f.need(r.others()) + "/candidates/" + f.applicationA));
    op("matching GET /api/v1/me", (f, r) -> Call.get("/api/v1/me"));
    op(
        "applications GET /api/v1/applications/{id}/outcomes",
        (f, r) -> Call.get(apps + f.application(r.others()) + "/outcomes"));
    op(
        "matching POST /api/v1/needs",
        (f, r) ->
            Call.post("/api/v1/needs", MatrixFixture.inertNeed(MatrixFixture.unit(r.others()))));
    list(
        "matching GET /api/v1/needs",
        (f, r) -> Call.get("/api/v1/needs?limit=200"),
        f -> List.of(f.need1, f.need2));
    op(
        "matching PUT /api/v1/needs/{id}",
        (f, r) -> {
          var n = f.freshNeed(r.others());
          return Call.put(needs + n.id(), n.body(), n.etag());
        });
    op("matching GET /api/v1/needs/{id}", (f, r) -> Call.get(needs + f.need(r.others())));
    op(
        "matching POST /api/v1/needs/{id}/closure",
        (f, r) -> Call.post(needs + f.freshNeed(r.others()).id() + "/closure", null));
    op(
        "matching GET /api/v1/needs/{id}/matches",
        (f, r) -> Call.get(needs + f.need(r.others()) + "/matches"));
    op("matching GET /api/v1/program/kpis", (f, r) -> Call.get("/api/v1/program/kpis"));

    String experts = "/api/v1/experts/";
    list(
        "notifications GET /api/v1/experts",
        (f, r) -> Call.get("/api/v1/experts?limit=200"),
        f -> List.of(f.expert1, f.expert2));
    op(
        "notifications POST /api/v1/experts",
        (f, r) -> Call.post("/api/v1/experts", MatrixFixture.expertSpec(MatrixFixture.U1)));
    op(
        "notifications PUT /api/v1/experts/{id}",
        (f, r) -> {
          var e = f.freshExpert(r.others());
          return Call.put(experts + e.id(), e.body(), e.etag());
        });
    op(
        "notifications GET /api/v1/experts/{id}",
        (f, r) ->
            Call.get(
                experts
                    + (r.caller().equals("expert (unregistered)")
                        ? f.unregisteredExpert
                        : f.expert(r.others()))));
    op(
        "notifications DELETE /api/v1/experts/{id}",
        (f, r) -> Call.delete(experts + f.freshExpert(r.others()).id()));
    op(
        "notifications GET /api/v1/experts/{id}/inbox",
        (f, r) -> Call.get(experts + f.expert(r.others()) + "/inbox"));
    op(
        "notifications GET /api/v1/experts/{id}/inbox/stream",
        (f, r) ->
            Call.get(experts + f.expert(r.others()) + "/inbox/stream")
                .accepting("text/event-stream"));
    op(
        "notifications PUT /api/v1/experts/{id}/inbox/{itemId}/read",
        (f, r) ->
            Call.put(
                experts + f.expert(r.others()) + "/inbox/" + f.inboxItem(r.others()) + "/read",
                null,
                null));
    op(
        "notifications DELETE /api/v1/experts/{id}/inbox/{itemId}/read",
        (f, r) ->
            Call.delete(
                experts + f.expert(r.others()) + "/inbox/" + f.inboxItem(r.others()) + "/read"));
    op(
        "notifications PUT /api/v1/experts/{id}/preferences",
        (f, r) -> {
          String expert = f.expert(r.others());
          return Call.put(
              experts + expert + "/preferences",
              MatrixFixture.preferences(),
              f.etag("notifications", experts + expert));
        });
    op("notifications GET /api/v1/me", (f, r) -> Call.get("/api/v1/me"));
    list(
        "notifications GET /api/v1/notifications",
        (f, r) -> Call.get("/api/v1/notifications?limit=200"),
        f -> List.of(f.inboxItem1, f.inboxItem2));
    op(
        "notifications GET /api/v1/notifications/{id}",
        (f, r) -> Call.get("/api/v1/notifications/" + f.inboxItem(r.others())));
    op(
        "notifications POST /api/v1/notifications/{id}/replay",
        (f, r) ->
            Call.post("/api/v1/notifications/" + f.deadNotification(r.others()) + "/replay", null));

    String subscriptions = "/api/v1/subscriptions/";
    list(
        "notifications GET /api/v1/subscriptions",
        (f, r) -> Call.get("/api/v1/subscriptions?limit=200"),
        f -> List.of(f.subscription1, f.subscription2));
    op(
        "notifications POST /api/v1/subscriptions",
        (f, r) ->
            Call.post(
                "/api/v1/subscriptions",
                MatrixFixture.inertSubscription(MatrixFixture.unit(r.others()))));
    op(
        "notifications PUT /api/v1/subscriptions/{id}",
        (f, r) -> {
          var s = f.freshSubscription(r.others());
          return Call.put(subscriptions + s.id(), s.body(), s.etag());
        });
    op(
        "notifications GET /api/v1/subscriptions/{id}",
        (f, r) -> Call.get(subscriptions + f.subscription(r.others())));
    op(
        "notifications DELETE /api/v1/subscriptions/{id}",
        (f, r) -> Call.delete(subscriptions + f.freshSubscription(r.others()).id()));
    String partnerSubscriptions = "/api/v1/partner-subscriptions";
    op(
        "notifications POST /api/v1/partner-subscriptions",
        (f, r) -> Call.post(partnerSubscriptions, MatrixFixture.partnerSubscription()));
    op("notifications GET /api/v1/partner-subscriptions", (f, r) -> Call.get(partnerSubscriptions));
    op(
        "notifications GET /api/v1/partner-subscriptions/{id}",
        (f, r) -> Call.get(partnerSubscriptions + "/" + f.freshPartnerSubscription(r.others())));
    op(
        "notifications DELETE /api/v1/partner-subscriptions/{id}",
        (f, r) -> Call.delete(partnerSubscriptions + "/" + f.freshPartnerSubscription(r.others())));
    op(
        "notifications POST /api/v1/subscriptions/{id}/secret",
        (f, r) ->
            Call.post(subscriptions + f.freshSubscription(r.others()).id() + "/secret", null));
  }

  /** The weights of U1 (or U2 for another unit's). */
  private static String unitWeights(boolean others) {
    return "/api/v1/business-units/"
        + java.net.URLEncoder.encode(
                MatrixFixture.unit(others), java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20")
        + "/weights";
  }

  private MatrixOperations() {}
}
