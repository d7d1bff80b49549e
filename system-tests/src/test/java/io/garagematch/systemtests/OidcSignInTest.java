package io.garagematch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.garagematch.infra.TestTokens;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's production sign-in: the OpenID Connect authorization code flow with PKCE, against
 * an identity provider played by this test (a boundary the project does not own). The console sends
 * the reader to the provider with an S256 code challenge, exchanges the code with its verifier and
 * client secret, keeps the tokens in an encrypted HttpOnly session cookie, and calls the services
 * with the provider's access token.
 */
@ExtendWith(RunningServices.class)
class OidcSignInTest {

  static final String CLIENT_ID = "garagematch-console";
  static final String CLIENT_SECRET = "console-client-secret-for-the-test";
  static final String UNIT = "BU-OIDC-SIGN-IN";

  static HttpServer provider;
  static String providerUrl;
  static ServiceProcess console;
  static final Map<String, String> challenges = new ConcurrentHashMap<>();
  static final List<String> providerProblems = new ArrayList<>();
  static final List<String> exchanged = new ArrayList<>();
  static String accessToken;
  static volatile boolean loggedOut;

  @BeforeAll
  static void start(RunningServices.Services services) throws Exception {
    Path keys = Files.createDirectories(Path.of("target", "oidc-jwt"));
    TestTokens.writeKeyPair(keys);
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    providerUrl = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realm";
    provider.createContext("/realm/.well-known/openid-configuration", OidcSignInTest::discovery);
    provider.createContext("/realm/authorize", OidcSignInTest::authorize);
    provider.createContext("/realm/token", OidcSignInTest::token);
    provider.createContext("/realm/logout", OidcSignInTest::logout);
    provider.createContext("/realm/jwks", x -> reply(x, 200, jwks(keys.resolve("public.pem"))));
    provider.start();
    console =
        ServiceProcess.start(
            "console",
            Map.of(
                "APPLICATIONS_URL",
                services.applications().url(),
                "MATCHING_URL",
                services.matching().url(),
                "NOTIFICATIONS_URL",
                services.notifications().url(),
                "CONSOLE_SIGN_IN",
                "oidc",
                "OIDC_ENABLED",
                "true",
                "OIDC_ISSUER",
                providerUrl,
                "OIDC_CLIENT_ID",
                CLIENT_ID,
                "OIDC_CLIENT_SECRET",
                CLIENT_SECRET,
                "CONSOLE_SESSION_SECRET",
                "a-session-secret-of-at-least-32-characters",
                "LOG_JSON",
                "false"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (console != null) {
      console.close();
    }
    if (provider != null) {
      provider.stop(0);
    }
  }

  @Test
  void signInRunsTheCodeFlowWithPkceAndKeepsTheTokensOutOfTheBrowser() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    List<String> hops = new ArrayList<>();
    List<String> setCookies = new ArrayList<>();
    URI at = URI.create(console.url() + "/needs");
    HttpResponse<String> page = null;
    for (int i = 0; i < 12; i++) {
      page =
          browser.send(
              HttpRequest.newBuilder(at).timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      hops.add(page.statusCode() + " " + at);
      setCookies.addAll(page.headers().allValues("Set-Cookie"));
      if (page.statusCode() / 100 != 3) {
        break;
      }
      at = at.resolve(page.headers().firstValue("Location").orElseThrow());
    }

    assertThat(providerProblems).isEmpty();
    assertThat(hops)
        .as("needs → sign-in → the provider (PKCE) → back with a code → needs")
        .anySatisfy(h -> assertThat(h).contains(providerUrl + "/authorize?"))
        .anySatisfy(h -> assertThat(h).contains("code=").contains("/sign-in/oidc"));
    assertThat(exchanged)
        .as("one code exchanged with the verifier of its S256 challenge")
        .hasSize(1);
    assertThat(page.statusCode()).as(String.join("\n", hops)).isEqualTo(200);
    assertThat(page.body()).contains("Lea Brandt").contains("Needs of my business units");

    String session =
        setCookies.stream().filter(c -> c.startsWith("q_session")).findFirst().orElseThrow();
    assertThat(session).containsIgnoringCase("HttpOnly");
    String payload = accessToken.split("\\.")[1];
    assertThat(setCookies)
        .as("no token in clear in any cookie")
        .noneMatch(c -> c.contains(payload));

    // signing out ends the session here and at the provider (RP-initiated logout)
    URI signOut = URI.create(console.url() + "/sign-out");
    HttpResponse<String> out =
        browser.send(
            HttpRequest.newBuilder(signOut).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    URI next = signOut.resolve(out.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> oidcOut =
        browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
    URI atProvider = next.resolve(oidcOut.headers().firstValue("Location").orElseThrow());
    assertThat(atProvider.toString()).startsWith(providerUrl + "/logout");
    browser.send(
        HttpRequest.newBuilder(atProvider).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(loggedOut).isTrue();
    assertThat(oidcOut.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("q_session").containsIgnoringCase("max-age=0"));
  }

  private static void discovery(HttpExchange x) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    // the issuer the services accept too: the access token is theirs to check
    doc.put("providerUrl", io.garagematch.infra.Tokens.ISSUER);
    doc.put("authorization_endpoint", providerUrl + "/authorize");
    doc.put("token_endpoint", providerUrl + "/token");
    doc.put("jwks_uri", providerUrl + "/jwks");
    doc.put("end_session_endpoint", providerUrl + "/logout");
    doc.put("response_types_supported", List.of("code"));
    doc.put("subject_types_supported", List.of("public"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
    doc.put("code_challenge_methods_supported", List.of("S256"));
    reply(x, 200, Http.JSON.writeValueAsString(doc));
  }

  /** Signs the reader in at once: back to the console with a code bound to its challenge. */
  private static void authorize(HttpExchange x) throws IOException {
    Map<String, String> q = form(x.getRequestURI().getRawQuery());
    if (!"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
      providerProblems.add("no S256 code challenge: " + q);
    }
    if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))) {
      providerProblems.add("not a code request of the console: " + q);
    }
    String code = "code-" + System.nanoTime();
    challenges.put(code, q.getOrDefault("code_challenge", ""));
    String back =
        q.get("redirect_uri")
            + "?code="
            + code
            + "&state="
            + java.net.URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Location", back);
    x.sendResponseHeaders(302, -1);
    x.close();
  }

  /** Exchanges a code for tokens when the verifier and the client's secret are right. */
  private static void token(HttpExchange x) throws IOException {
    Map<String, String> f =
        form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    String auth = x.getRequestHeaders().getFirst("Authorization");
    boolean secretOk =
        basic.equals(auth)
            || (CLIENT_ID.equals(f.get("client_id"))
                && CLIENT_SECRET.equals(f.get("client_secret")));
    String challenge = challenges.remove(f.getOrDefault("code", ""));
    if (!secretOk || challenge == null || !challenge.equals(s256(f.get("code_verifier")))) {
      providerProblems.add("token request refused: secret " + secretOk + ", form " + f.keySet());
      reply(x, 400, "{\"error\":\"invalid_grant\"}");
      return;
    }
    exchanged.add(f.get("code"));
    accessToken =
        TestTokens.withClaims(
            "bu-staff",
            "lea.brandt",
            Map.of("business_units", List.of(UNIT), "name", "Lea Brandt"));
    String idToken =
        TestTokens.withClaims(
            "bu-staff", "lea.brandt", Map.of("aud", CLIENT_ID, "name", "Lea Brandt"));
    reply(
        x,
        200,
        Http.JSON.writeValueAsString(
            Map.of(
                "access_token",
                accessToken,
                "id_token",
                idToken,
                "token_type",
                "Bearer",
                "expires_in",
                3600)));
  }

  /** Ends the provider's session and sends the reader back where the console asked. */
  private static void logout(HttpExchange x) throws IOException {
    loggedOut = true;
    String back = form(x.getRequestURI().getRawQuery()).get("post_logout_redirect_uri");
    x.getResponseHeaders().add("Location", back == null ? "/" : back);
    x.sendResponseHeaders(302, -1);
    x.close();
  }

  private static String s256(String verifier) {
    if (verifier == null) {
      return "";
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jwks(Path publicPem) throws IOException {
    try {
      String base64 =
          Files.readString(publicPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      RSAPublicKey key =
          (RSAPublicKey)
              KeyFactory.getInstance("RSA")
                  .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      return Http.JSON.writeValueAsString(
          Map.of(
              "keys",
              List.of(
                  Map.of(
                      "kty", "RSA",
                      "use", "sig",
                      "alg", "RS256",
                      "n", b64.encodeToString(unsigned(key.getModulus().toByteArray())),
                      "e", b64.encodeToString(unsigned(key.getPublicExponent().toByteArray()))))));
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private static byte[] unsigned(byte[] bytes) {
    return bytes.length > 1 && bytes[0] == 0
        ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length)
        : bytes;
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return out;
  }

  private static void reply(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }
}
