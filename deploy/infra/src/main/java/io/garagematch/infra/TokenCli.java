package io.garagematch.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./garagematch token}: the local stack's key pair and bearer tokens.
 *
 * <pre>
 * TokenCli init KEY_DIR               creates private.pem and public.pem unless they exist
 * TokenCli mint KEY_DIR ROLE [SUBJECT] prints a token valid for 12 hours
 * TokenCli mint KEY_DIR expert ID [UNIT...]
 * </pre>
 *
 * <p>An expert's token names the business units the expert acts for; without units given, the
 * expert's own unit is read from the running notifications-service ({@code NOTIFICATIONS_URL},
 * default {@code http://127.0.0.1:8083}) with an admin token.
 */
public final class TokenCli {

  private static final Duration TTL = Duration.ofHours(12);

  private TokenCli() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("init")) {
      Path dir = Path.of(args[1]);
      if (!Files.exists(dir.resolve("private.pem"))) {
        Tokens.writeKeyPair(Tokens.newKeyPair(), dir);
      }
    } else if (args.length >= 3 && args[0].equals("mint")) {
      Path key = Path.of(args[1]).resolve("private.pem");
      if (!Files.exists(key)) {
        fail("no key pair in " + args[1] + ": run ./garagematch up first");
      }
      String subject = args.length > 3 ? args[3] : null;
      Tokens tokens = new Tokens(Tokens.readPrivateKey(key), Tokens.ISSUER);
      try {
        if (args[2].equals("expert") && subject != null) {
          List<String> units =
              args.length > 4
                  ? List.of(args).subList(4, args.length)
                  : List.of(unitOfExpert(tokens, subject));
          System.out.println(tokens.forExpert(subject, units, TTL));
        } else {
          System.out.println(tokens.forRole(args[2], subject, TTL));
        }
      } catch (IllegalArgumentException e) {
        fail(e.getMessage());
      }
    } else {
      fail("usage: TokenCli init KEY_DIR | TokenCli mint KEY_DIR ROLE [SUBJECT] [UNIT...]");
    }
  }

  /** The business unit of a registered expert, as notifications-service knows it. */
  private static String unitOfExpert(Tokens tokens, String expertId) throws Exception {
    String base = System.getenv().getOrDefault("NOTIFICATIONS_URL", "http://127.0.0.1:8083");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            base
                                + "/api/v1/experts/"
                                + URLEncoder.encode(expertId, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + tokens.forRole("admin", "token-cli", TTL))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      fail(
          "no expert "
              + expertId
              + " at "
              + base
              + " (HTTP "
              + response.statusCode()
              + "); give the units: token expert ID UNIT...");
    }
    return new ObjectMapper().readTree(response.body()).path("businessUnit").asText();
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(2);
  }
}
