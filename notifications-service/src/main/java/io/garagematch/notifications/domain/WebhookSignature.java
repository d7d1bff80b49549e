package io.garagematch.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures per the Standard Webhooks specification: the secret is {@code whsec_} + base64
 * of a random key; {@code webhook-signature} is {@code v1,} + base64 of HMAC-SHA256 over {@code
 * id.timestamp.body}. docs/webhooks.md shows subscribers how to verify it.
 */
public final class WebhookSignature {

  private static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A new secret: 32 random bytes. */
  public static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The {@code webhook-signature} value of a message. */
  public static String sign(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      byte[] digest =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * Whether one of the space-separated signatures in {@code header} is the message's (compared in
   * constant time).
   */
  public static boolean verify(
      String secret, String id, long timestamp, String body, String header) {
    byte[] expected = sign(secret, id, timestamp, body).getBytes(StandardCharsets.UTF_8);
    boolean found = false;
    for (String candidate : header.trim().split(" +")) {
      found |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8));
    }
    return found;
  }

  private static byte[] key(String secret) {
    String base64 = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    return Base64.getDecoder().decode(base64);
  }
}
