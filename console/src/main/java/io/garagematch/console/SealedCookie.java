package io.garagematch.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A cookie value sealed with AES-256-GCM: the browser holds it but can neither read nor change it.
 * The key is derived from a secret; the cookie's name is bound in as associated data, so a value
 * cannot be moved to another cookie.
 */
public final class SealedCookie {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final byte[] name;

  public SealedCookie(String secret, String cookieName) {
    if (secret.length() < 32) {
      throw new IllegalArgumentException("the session secret needs at least 32 characters");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(digest, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    this.name = cookieName.getBytes(StandardCharsets.UTF_8);
  }

  /** A random secret, for a console that was given none. */
  public static String randomSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public String seal(String plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(name);
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plain value, or empty when the value was not sealed by this key for this cookie. */
  public Optional<String> open(String value) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(value);
      if (bytes.length <= IV_BYTES) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      cipher.updateAAD(name);
      byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }
}
