package io.garagematch.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.garagematch.infra.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.yaml.snakeyaml.Yaml;

/**
 * Malformed requests generated from the three OpenAPI documents (docs/openapi): each starts from a
 * request the document allows, made by a caller the authorization matrix lets through, and breaks
 * one thing in it — a body field (wrong type, boundary, oversize, control and other unicode
 * characters, NUL, injection strings, deep nesting, huge arrays), the body as a whole (broken JSON,
 * invalid UTF-8, wrong content type), a path id, a query parameter (cursors, limits, dates, enums),
 * a header (conditional requests, idempotency keys, Accept, the bearer token), or the request
 * itself (method, unknown path, over-long target or headers, an oversize chunked body).
 *
 * <p>Not generated: what Vert.x refuses before any handler of the service sees the request —
 * control characters in the request line or a header, a broken request line (the HTTP codec), and a
 * path whose percent-encoding is broken, such as {@code /%} (the router, while matching routes).
 * Vert.x answers those with a bare 400 and offers the application no hook to do otherwise.
 */
final class FuzzRequests {

  /**
   * One request to send: to which service, what it tries ({@code kind}: its first word is the part
   * broken — body-field, body, content-type, path, query, header, token, request), and its bytes.
   */
  record Fuzz(String service, String operation, String kind, byte[] bytes) {

    /** The request head, for a failure message. */
    String head() {
      String text = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.ISO_8859_1);
      return text.replace("\r\n", " | ");
    }
  }

  private record Param(String name, String in, JsonNode schema) {}

  private record Operation(
      String service,
      String method,
      String path,
      List<Param> params,
      JsonNode body,
      List<String> callers) {

    String name() {
      return service + " " + method + " " + path;
    }
  }

  static final List<String> HOSTILE_STRINGS =
      List.of(
          "",
          " ",
          "\u0000",
          "a\u0000b",
          "\u0000".repeat(64),
          "A".repeat(201),
          "A".repeat(5_000),
          "é".repeat(3_000),
          "😀".repeat(1_000),
          "𝕏".repeat(300),
          "\u202Eevil\u202C",
          "\t\n\u000b\f\r",
          "\u0001\u0002\u001f\u007f",
          "\u0085\u2028\u2029",
          "\uFEFF",
          "\uFFFF\uFFFE",
          "' OR '1'='1",
          "\"; DROP TABLE applications; --",
          "<script>alert(1)</script>",
          "${jndi:ldap://127.0.0.1:1/x}",
          "{{7*7}}#{7*7}",
          "../../../../etc/passwd",
          "%00%0d%0a",
          "\r\nX-Injected: yes",
          "\\",
          "null",
          "NaN",
          "-1",
          "1e309",
          "中文字符测试",
          "Straße",
          "2026-02-30",
          "9999-12-31T23:59:59Z",
          "+999999999-12-31T23:59:59.999999999Z",
          "-999999999-01-01T00:00:00Z",
          "1970-01-01T00:00:00Z",
          "00000000-0000-0000-0000-000000000000",
          "not-a-uuid",
          "http://127.0.0.1:1/",
          "http://[::ffff:127.0.0.1]/",
          "file:///etc/passwd",
          "javascript:alert(1)",
          "XXX",
          "Europe/Nowhere");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNIT = "FUZZ-UNIT";
  private static final String EXPERT = "0f0f0f0f-0000-4000-8000-000000000001";

  private final List<Operation> operations = new ArrayList<>();
  private final Map<String, JsonNode> documents = new LinkedHashMap<>();
  private final Map<String, Integer> ports;
  private final Map<String, String> tokens = new LinkedHashMap<>();

  /** The operations of docs/openapi, against services listening on {@code ports} (by name). */
  FuzzRequests(Path docs, Map<String, Integer> ports, List<AuthorizationMatrix.Row> matrix) {
    this.ports = ports;
    tokens.put("partner", TestTokens.forRole("partner", "fuzz-partner"));
    tokens.put("bu-staff", TestTokens.forRole("bu-staff", UNIT));
    tokens.put("expert", TestTokens.forExpert(EXPERT, UNIT));
    tokens.put("admin", TestTokens.forRole("admin", "fuzz-admin"));
    for (String service : ports.keySet()) {
      JsonNode doc;
      try {
        Object yaml = new Yaml().load(Files.readString(docs.resolve(service + "-service.yaml")));
        doc = JSON.valueToTree(yaml);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      documents.put(service, doc);
      doc.path("paths")
          .fields()
          .forEachRemaining(
              path ->
                  path.getValue()
                      .fields()
                      .forEachRemaining(
                          op -> {
                            String method = op.getKey().toUpperCase();
                            List<String> callers =
                                matrix.stream()
                                    .filter(
                                        r ->
                                            r.service().equals(service)
                                                && r.method().equals(method)
                                                && r.path().equals(path.getKey())
                                                && r.expected().status() < 300
                                                && tokens.containsKey(r.caller()))
                                    .map(AuthorizationMatrix.Row::caller)
                                    .distinct()
                                    .toList();
                            List<Param> params = new ArrayList<>();
                            op.getValue()
                                .path("parameters")
                                .forEach(
                                    p ->
                                        params.add(
                                            new Param(
                                                p.path("name").asText(),
                                                p.path("in").asText(),
                                                resolve(service, p.path("schema")))));
                            JsonNode body =
                                op.getValue()
                                    .path("requestBody")
                                    .path("content")
                                    .path("application/json")
                                    .path("schema");
                            operations.add(
                                new Operation(
                                    service,
                                    method,
                                    path.getKey(),
                                    params,
                                    body.isMissingNode() ? null : body,
                                    callers.isEmpty() ? List.of("admin") : callers));
                          }));
    }
  }

  int operationCount() {
    return operations.size();
  }

  /** The next malformed request. */
  Fuzz next(Random random) {
    Operation op = operations.get(random.nextInt(operations.size()));
    Draft draft = new Draft(op, random);
    String kind =
        switch (random.nextInt(10)) {
          case 0, 1, 2 -> op.body != null ? draft.breakBodyField() : draft.breakQuery();
          case 3 -> op.body != null ? draft.breakBody() : draft.breakPath();
          case 4 -> draft.breakPath();
          case 5 -> draft.breakQuery();
          case 6 -> draft.breakHeader();
          case 7 -> draft.breakToken();
          case 8 -> draft.breakRequest();
          default -> draft.breakContentType();
        };
    return new Fuzz(op.service, op.name(), kind, draft.bytes());
  }

  /** A request being made: valid to start with, then broken in one place. */
  private final class Draft {
    final Operation op;
    final Random random;
    String method;
    String target;
    final Map<String, String> pathValues = new LinkedHashMap<>();
    final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    byte[] body;
    boolean chunked;

    Draft(Operation op, Random random) {
      this.op = op;
      this.random = random;
      this.method = op.method;
      for (Param p : op.params) {
        switch (p.in) {
          case "path" -> pathValues.put(p.name, text(sample(op.service, p.schema, 0)));
          case "query" -> {
            if (random.nextBoolean()) {
              query.put(p.name, text(sample(op.service, p.schema, 0)));
            }
          }
          case "header" -> {
            if (random.nextBoolean()) {
              headers.put(p.name, text(sample(op.service, p.schema, 0)));
            }
          }
          default -> {}
        }
      }
      headers.put(
          "Authorization",
          "Bearer " + tokens.get(op.callers.get(random.nextInt(op.callers.size()))));
      headers.put("Accept", "application/json");
      if (op.body != null) {
        headers.put("Content-Type", "application/json");
        body = write(sample(op.service, op.body, 0));
      }
    }

    String breakBodyField() {
      JsonNode tree = sample(op.service, op.body, 0);
      List<String> where = new ArrayList<>();
      JsonNode broken = mutate(tree, where);
      body = write(broken);
      return "body-field " + String.join(".", where);
    }

    private JsonNode mutate(JsonNode node, List<String> where) {
      if (node instanceof ObjectNode object && object.size() > 0 && random.nextInt(4) > 0) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        where.add(name);
        switch (random.nextInt(8)) {
          case 0 -> object.remove(name);
          case 1 -> object.put("unknown" + random.nextInt(9), "x");
          default -> object.set(name, mutate(object.get(name), where));
        }
        return object;
      }
      if (node instanceof ArrayNode array && array.size() > 0 && random.nextBoolean()) {
        int i = random.nextInt(array.size());
        where.add("[" + i + "]");
        array.set(i, mutate(array.get(i), where));
        return array;
      }
      return hostileValue();
    }

    private JsonNode hostileValue() {
      return switch (random.nextInt(6)) {
        case 0, 1, 2 -> NODES.textNode(pick(HOSTILE_STRINGS));
        case 3 ->
            pick(
                List.of(
                    NODES.numberNode(0),
                    NODES.numberNode(-1),
                    NODES.numberNode(-2_147_483_649L),
                    NODES.numberNode(2_147_483_648L),
                    NODES.numberNode(new BigInteger("9223372036854775808")),
                    NODES.numberNode(new BigInteger("9".repeat(400))),
                    NODES.numberNode(1e308),
                    NODES.numberNode(-1e308),
                    NODES.numberNode(0.5),
                    NODES.numberNode(new BigDecimal("1e-400"))));
        case 4 ->
            pick(
                List.of(
                    NODES.booleanNode(true),
                    NODES.nullNode(),
                    NODES.objectNode(),
                    NODES.arrayNode(),
                    NODES.objectNode().put("a", 1),
                    NODES.arrayNode().add(1).add("two").add(NODES.nullNode())));
        default -> {
          ArrayNode huge = NODES.arrayNode();
          int n = pick(List.of(100, 5_000, 12_000));
          for (int i = 0; i < n; i++) {
            huge.add("x");
          }
          yield huge;
        }
      };
    }

    String breakBody() {
      String valid = new String(body, StandardCharsets.UTF_8);
      int depth = pick(List.of(100, 999, 1_001, 5_000, 20_000));
      List<Map.Entry<String, byte[]>> bodies =
          List.of(
              Map.entry("empty body", new byte[0]),
              Map.entry("truncated JSON", utf8(valid.substring(0, valid.length() / 2))),
              Map.entry("trailing garbage", utf8(valid + "}{")),
              Map.entry("a JSON array", utf8("[" + valid + "]")),
              Map.entry("JSON null", utf8("null")),
              Map.entry("a JSON number", utf8("1")),
              Map.entry("a JSON string", utf8("\"text\"")),
              Map.entry("a duplicate key", utf8(valid.replaceFirst("\\{", "{\"a\":1,\"a\":2,"))),
              Map.entry(
                  "a byte-order mark",
                  concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body)),
              Map.entry(
                  "invalid UTF-8",
                  concat(
                      utf8(valid.substring(0, valid.length() - 1) + ",\"x\":\""),
                      new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'})),
              Map.entry(
                  "a lone surrogate", utf8(valid.replaceFirst("\\{", "{\"name\":\"\\\\ud800\","))),
              Map.entry(
                  "an escaped NUL", utf8(valid.replaceFirst("\\{", "{\"name\":\"\\\\u0000\","))),
              Map.entry(
                  "nested arrays, depth " + depth, utf8("[".repeat(depth) + "]".repeat(depth))),
              Map.entry(
                  "nested objects, depth " + depth,
                  utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth))),
              Map.entry("a 10,000-digit number", utf8("{\"trl\":" + "9".repeat(10_000) + "}")),
              Map.entry("a 70 KiB body", utf8("{\"name\":\"" + "A".repeat(70_000) + "\"}")),
              Map.entry("single quotes", utf8(valid.replace('"', '\''))),
              Map.entry("a comment", utf8("/* x */" + valid)));
      Map.Entry<String, byte[]> chosen = pick(bodies);
      body = chosen.getValue();
      return "body " + chosen.getKey();
    }

    String breakContentType() {
      if (body == null) {
        body = utf8("{}");
        headers.put("Content-Type", "application/json");
        method = pick(List.of("POST", "PUT", "DELETE", "GET"));
        return "body where none is expected (" + method + ")";
      }
      String type =
          pick(
              List.of(
                  "",
                  "text/plain",
                  "application/xml",
                  "application/x-www-form-urlencoded",
                  "multipart/form-data; boundary=x",
                  "application/json; charset=utf-16",
                  "application/json; charset=nonsense",
                  "application/json, text/plain",
                  "*/*",
                  "application/",
                  "application/merge-patch+json"));
      if (type.isEmpty()) {
        headers.remove("Content-Type");
      } else {
        headers.put("Content-Type", type);
      }
      return "content-type " + (type.isEmpty() ? "missing" : type);
    }

    String breakPath() {
      if (pathValues.isEmpty()) {
        return breakRequest();
      }
      List<String> names = new ArrayList<>(pathValues.keySet());
      String name = names.get(random.nextInt(names.size()));
      String value =
          pick(
              List.of(
                  UUID.randomUUID().toString(),
                  "not-a-uuid",
                  "0",
                  "-1",
                  "%00",
                  "%2e%2e%2f%2e%2e%2f",
                  "..",
                  "%25",
                  "A".repeat(3_000),
                  "%E4%B8%AD%E6%96%87",
                  "%C3%28",
                  "%FF%FE",
                  "'%20OR%201=1",
                  "%7Bid%7D",
                  "%20",
                  "x;jsessionid=1",
                  "00000000-0000-0000-0000-000000000000",
                  UUID.randomUUID().toString().toUpperCase()));
      pathValues.put(name, value);
      return "path " + name + "=" + abbreviate(value);
    }

    String breakQuery() {
      List<String> names = new ArrayList<>();
      op.params.stream().filter(p -> p.in.equals("query")).forEach(p -> names.add(p.name));
      names.add("unknown");
      String name = names.get(random.nextInt(names.size()));
      String value =
          switch (name) {
            case "cursor" ->
                pick(
                    List.of(
                        cursor("+999999999-12-31T23:59:59Z|" + UUID.randomUUID()),
                        cursor("-999999999-01-01T00:00:00Z|" + UUID.randomUUID()),
                        cursor("9999-12-31T23:59:59Z|" + UUID.randomUUID()),
                        cursor("2026-01-01T00:00:00Z|not-a-uuid"),
                        cursor("2026-01-01T00:00:00Z"),
                        cursor("a|b|c"),
                        cursor("\u0000|\u0000"),
                        "====",
                        "%00",
                        Base64.getUrlEncoder().encodeToString(randomBytes(40)),
                        "A".repeat(4_000)));
            case "limit" -> pick(List.of("-1", "0", "1000001", "abc", "1e2", "", "9999999999999"));
            default -> encode(pick(HOSTILE_STRINGS));
          };
      query.put(name, value);
      return "query " + name + "=" + abbreviate(value);
    }

    String breakHeader() {
      Map.Entry<String, String> header =
          pick(
              List.of(
                  Map.entry("If-Match", "*"),
                  Map.entry("If-Match", "W/\"1\""),
                  Map.entry("If-Match", "\"abc\""),
                  Map.entry("If-Match", ""),
                  Map.entry("If-Match", "\""),
                  Map.entry("If-Match", "\"99999999999999999999\""),
                  Map.entry("If-Match", "\"-1\", \"1\""),
                  Map.entry("If-None-Match", "*"),
                  Map.entry("If-None-Match", "W/\"1\""),
                  Map.entry("If-None-Match", "\"1\""),
                  Map.entry("Idempotency-Key", ""),
                  Map.entry("Idempotency-Key", "k".repeat(5_000)),
                  Map.entry("Idempotency-Key", "a b c"),
                  Map.entry("Idempotency-Key", "\u00e9\u00e8"),
                  Map.entry("Accept", "application/xml"),
                  Map.entry("Accept", "text/html"),
                  Map.entry("Accept", "application/json;q=0"),
                  Map.entry("Accept", "garbage"),
                  Map.entry("Accept", "text/event-stream"),
                  Map.entry("Accept-Language", "zz-ZZ;q=abc"),
                  Map.entry("Last-Event-ID", "not-an-id"),
                  Map.entry("Last-Event-ID", "x".repeat(2_000)),
                  Map.entry("X-Forwarded-For", "' OR 1=1"),
                  Map.entry("Traceparent", "00-zzzz-zzzz-01"),
                  Map.entry("Expect", "100-continue")));
      headers.put(header.getKey(), header.getValue());
      return "header " + header.getKey() + ": " + abbreviate(header.getValue());
    }

    String breakToken() {
      String value =
          pick(
              List.of(
                  "",
                  "Bearer",
                  "Bearer ",
                  "Bearer x.y.z",
                  "Bearer " + "a".repeat(8_000),
                  "Basic Zm9vOmJhcg==",
                  "bearer " + tokens.get("admin").toLowerCase(),
                  "Bearer " + TestTokens.signedByAnotherKey("admin", "intruder"),
                  "Bearer "
                      + TestTokens.withClaims(
                          "expert",
                          "fuzz-expert",
                          Map.of("expert_id", "not-a-uuid", "business_units", List.of(UNIT))),
                  "Bearer "
                      + TestTokens.withClaims(
                          "expert",
                          "fuzz-expert",
                          Map.of("expert_id", "\u0000", "business_units", List.of("\u0000"))),
                  "Bearer "
                      + TestTokens.withClaims(
                          "bu-staff",
                          "fuzz-staff",
                          Map.of("business_units", List.of("A".repeat(5_000)))),
                  "Bearer " + TestTokens.withClaims("admin", "fuzz", Map.of("exp", 1L)),
                  "Bearer " + TestTokens.withClaims("admin", "fuzz", Map.of("iat", 9_999_999_999L)),
                  "Bearer " + TestTokens.withClaims("nobody", "fuzz", Map.of())));
      if (value.isEmpty()) {
        headers.remove("Authorization");
        return "token: none";
      }
      headers.put("Authorization", value);
      return "token: Authorization " + abbreviate(value);
    }

    String breakRequest() {
      switch (random.nextInt(8)) {
        case 0 -> {
          method = pick(List.of("FOO", "PROPFIND", "TRACE", "OPTIONS", "HEAD", "PATCH", "DELETE"));
          return "request: method " + method;
        }
        case 1 -> {
          target =
              pick(
                  List.of(
                      "/api/v1/nothing-here",
                      "/api/v2/needs",
                      "//api//v1//needs",
                      "/API/V1/NEEDS",
                      "/api/v1/needs/%2F",
                      "/api/v1/needs;x=y",
                      "/q/../api/v1/me",
                      "/api/v1/%00",
                      "/api/v1/needs?&&&=&",
                      "http://127.0.0.1/api/v1/me",
                      "/q/health/../../api/v1/me"));
          return "request: target " + target;
        }
        case 2 -> {
          int n = pick(List.of(5_000, 10_000, 30_000));
          query.put("x", "a".repeat(n));
          return "request: a target of " + n + " characters";
        }
        case 3 -> {
          int n = pick(List.of(10_000, 25_000, 50_000));
          headers.put("X-Fuzz", "a".repeat(n));
          return "request: a header of " + n + " bytes";
        }
        case 4 -> {
          for (int i = 0; i < 400; i++) {
            headers.put("X-Fuzz-" + i, "v");
          }
          return "request: 400 headers";
        }
        case 5 -> {
          headers.put("Content-Type", "application/json");
          body = utf8("{\"name\":\"" + "A".repeat(pick(List.of(70_000, 200_000))) + "\"}");
          chunked = true;
          return "request: an oversize chunked body";
        }
        case 6 -> {
          query.put("limit", "1&limit=2&limit=x");
          return "request: a repeated parameter";
        }
        default -> {
          headers.put("Host", pick(List.of("", "evil.example", "a".repeat(300), "[::1")));
          return "request: Host " + abbreviate(headers.get("Host"));
        }
      }
    }

    byte[] bytes() {
      String path = target;
      if (path == null) {
        path = op.path;
        for (Map.Entry<String, String> v : pathValues.entrySet()) {
          path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        if (!query.isEmpty()) {
          StringBuilder q = new StringBuilder();
          query.forEach(
              (k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(v));
          path += q;
        }
      }
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      if (!headers.containsKey("Host")) {
        head.append("Host: 127.0.0.1:").append(ports.get(op.service)).append("\r\n");
      }
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("Connection: close\r\n");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (body != null && chunked) {
        head.append("Transfer-Encoding: chunked\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        for (int at = 0; at < body.length; at += 8_192) {
          int n = Math.min(8_192, body.length - at);
          out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(body, at, n);
          out.writeBytes(utf8("\r\n"));
        }
        out.writeBytes(utf8("0\r\n\r\n"));
      } else {
        if (body != null && !headers.containsKey("Content-Length")) {
          head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
          out.writeBytes(body);
        }
      }
      return out.toByteArray();
    }

    <T> T pick(List<T> options) {
      return options.get(random.nextInt(options.size()));
    }

    private byte[] randomBytes(int n) {
      byte[] bytes = new byte[n];
      random.nextBytes(bytes);
      return bytes;
    }

    /** A value the schema allows (required properties always, others at random). */
    JsonNode sample(String service, JsonNode schema, int depth) {
      JsonNode s = resolve(service, schema);
      if (s.has("enum")) {
        return s.get("enum").get(random.nextInt(s.get("enum").size()));
      }
      for (String alternatives : List.of("allOf", "anyOf", "oneOf")) {
        if (s.has(alternatives)) {
          return sample(service, s.get(alternatives).get(0), depth);
        }
      }
      String type =
          s.path("type").isArray()
              ? s.path("type").get(0).asText()
              : s.path("type").asText("object");
      return switch (type) {
        case "string" -> NODES.textNode(sampleString(s));
        case "integer" -> NODES.numberNode(s.path("minimum").asLong(0) + random.nextInt(3));
        case "number" ->
            NODES.numberNode(s.path("minimum").asDouble(0) + random.nextDouble() * 0.5);
        case "boolean" -> NODES.booleanNode(random.nextBoolean());
        case "array" -> {
          ArrayNode array = NODES.arrayNode();
          int n = Math.max(s.path("minItems").asInt(0), depth > 3 ? 0 : 1 + random.nextInt(2));
          for (int i = 0; i < n; i++) {
            array.add(sample(service, s.path("items"), depth + 1));
          }
          yield array;
        }
        default -> {
          ObjectNode object = NODES.objectNode();
          List<String> required = new ArrayList<>();
          s.path("required").forEach(r -> required.add(r.asText()));
          Iterator<Map.Entry<String, JsonNode>> properties = s.path("properties").fields();
          while (properties.hasNext()) {
            Map.Entry<String, JsonNode> p = properties.next();
            if (required.contains(p.getKey()) || (depth < 3 && random.nextBoolean())) {
              object.set(p.getKey(), sample(service, p.getValue(), depth + 1));
            }
          }
          yield object;
        }
      };
    }

    private String sampleString(JsonNode s) {
      String format = s.path("format").asText("");
      return switch (format) {
        case "date-time" -> Instant.now().toString();
        case "date" -> LocalDate.now().plusDays(random.nextInt(30)).toString();
        case "uuid" -> UUID.randomUUID().toString();
        case "email" -> "fuzz" + random.nextInt(1000) + "@example.com";
        case "uri", "url" -> "https://example.com/fuzz";
        default -> {
          int min = s.path("minLength").asInt(1);
          int max = Math.max(min, Math.min(s.path("maxLength").asInt(24), 24));
          StringBuilder text = new StringBuilder("fuzz");
          while (text.length() < min + random.nextInt(max - min + 1)) {
            text.append((char) ('a' + random.nextInt(26)));
          }
          yield text.length() > max ? text.substring(0, max) : text.toString();
        }
      };
    }
  }

  private JsonNode resolve(String service, JsonNode schema) {
    JsonNode s = schema;
    for (int i = 0; i < 10 && s.has("$ref"); i++) {
      String name = s.get("$ref").asText().replace("#/components/schemas/", "");
      s = documents.get(service).path("components").path("schemas").path(name);
    }
    return s;
  }

  private static String cursor(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(text));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String text(JsonNode node) {
    return encode(node.isTextual() ? node.asText() : node.toString());
  }

  private static byte[] write(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
  }
}
