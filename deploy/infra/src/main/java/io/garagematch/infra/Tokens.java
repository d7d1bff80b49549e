package io.garagematch.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bearer tokens (RS256 JWTs) for the local stack and the tests, made with the JDK alone.
 *
 * <p>The claims are the ones the services read (see docs/architecture.md, "Security"): {@code
 * groups} carries the role; {@code partner_id}, {@code business_units} or {@code expert_id} carry
 * what the role acts for.
 */
public final class Tokens {

  public static final String ISSUER = "https://garagematch.local";

  /** The audience the services accept by default ({@code JWT_AUDIENCE}). */
  public static final String AUDIENCE = "garagematch";

  public static final List<String> ROLES = List.of("partner", "bu-staff", "expert", "admin");

  private final PrivateKey privateKey;
  private final String issuer;

  public Tokens(PrivateKey privateKey, String issuer) {
    this.privateKey = privateKey;
    this.issuer = issuer;
  }

  public static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PEM text of a public key, the form {@code mp.jwt.verify.publickey} accepts. */
  public static String publicKeyPem(PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  /** Writes {@code private.pem} (owner-only) and {@code public.pem} into {@code dir}. */
  public static void writeKeyPair(KeyPair pair, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path privatePem = dir.resolve("private.pem");
    Files.deleteIfExists(privatePem);
    Files.createFile(
        privatePem,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(dir.resolve("public.pem"), publicKeyPem(pair.getPublic()));
  }

  public static PrivateKey readPrivateKey(Path pem) throws IOException {
    String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException e) {
      throw new IOException("not an RSA private key in PKCS#8 PEM: " + pem, e);
    }
  }

  /**
   * A token for {@code role}; {@code subject} is the partner id, business unit or expert id the
   * role acts for (ignored for admin).
   */
  public String forRole(String role, String subject, Duration ttl) {
    String sub = subject == null || subject.isBlank() ? role : subject;
    Map<String, Object> extra =
        switch (role) {
          case "partner" -> Map.of("partner_id", sub);
          case "bu-staff" -> Map.of("business_units", List.of(sub));
          case "expert" -> Map.of("expert_id", sub);
          case "admin" -> Map.of();
          default ->
              throw new IllegalArgumentException(
                  "unknown role '" + role + "', expected one of " + ROLES);
        };
    return sign(sub, List.of(role), extra, ttl);
  }

  /**
   * A token for an expert acting for {@code businessUnits} (the units the services let the expert
   * act in; an expert's token names the unit the expert belongs to).
   */
  public String forExpert(String expertId, Collection<String> businessUnits, Duration ttl) {
    return sign(
        expertId,
        List.of("expert"),
        Map.of("expert_id", expertId, "business_units", List.copyOf(businessUnits)),
        ttl);
  }

  /**
   * Signs a token with the given subject, groups and extra claims; an extra claim replaces a
   * standard one of the same name ({@code aud}, {@code iat}, {@code exp}: tests of the checks).
   */
  public String sign(String subject, List<String> groups, Map<String, Object> extra, Duration ttl) {
    Instant now = Instant.now();
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("iss", issuer);
    all.put("aud", AUDIENCE);
    all.put("sub", subject);
    all.put("upn", subject);
    all.put("jti", UUID.randomUUID().toString());
    all.put("iat", now.getEpochSecond());
    all.put("exp", now.plus(ttl).getEpochSecond());
    all.put("groups", groups);
    all.putAll(extra);
    String claims =
        all.entrySet().stream()
            .map(e -> json(e.getKey()) + ":" + json(e.getValue()))
            .collect(Collectors.joining(",", "{", "}"));
    String signingInput =
        base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(claims.toString());
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(privateKey);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object value) {
    if (value instanceof Number n) {
      return n.toString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Tokens::json).collect(Collectors.joining(",", "[", "]"));
    }
    String s = String.valueOf(value);
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String base64Url(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
