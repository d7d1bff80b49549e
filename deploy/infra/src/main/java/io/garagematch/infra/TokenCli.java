package io.garagematch.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ./garagematch token}: the local stack's key pair and bearer tokens.
 *
 * <pre>
 * TokenCli init KEY_DIR               creates private.pem and public.pem unless they exist
 * TokenCli mint KEY_DIR ROLE [SUBJECT] prints a token valid for 12 hours
 * </pre>
 */
public final class TokenCli {

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
        System.out.println(tokens.forRole(args[2], subject, Duration.ofHours(12)));
      } catch (IllegalArgumentException e) {
        fail(e.getMessage());
      }
    } else {
      fail("usage: TokenCli init KEY_DIR | TokenCli mint KEY_DIR ROLE [SUBJECT]");
    }
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(2);
  }
}
