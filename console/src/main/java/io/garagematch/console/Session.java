package io.garagematch.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Who is signed in, as the services will see them: the bearer token the console calls the services
 * with, and the claims in it (role, business units, expert id), read for display only — the
 * services check every one of them. Also the language this request is answered in.
 */
@RequestScoped
@io.quarkus.qute.TemplateData
public class Session {

  public static final String LANGUAGE_COOKIE = "gm_lang";

  private final String token;
  private final JsonNode claims;
  private final String language;

  public Session(SecurityIdentity identity, HttpHeaders headers, ObjectMapper mapper) {
    AccessTokenCredential credential =
        identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
    this.token = credential == null ? null : credential.getToken();
    this.claims = token == null ? mapper.createObjectNode() : payload(token, mapper);
    var cookie = headers.getCookies().get(LANGUAGE_COOKIE);
    this.language =
        Texts.choose(
            cookie == null ? null : cookie.getValue(),
            headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  /** A JWT's claims, read without checking it (who checks it is the services' business). */
  static JsonNode payload(String jwt, ObjectMapper mapper) {
    String[] parts = jwt.split("\\.");
    try {
      return mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IOException | RuntimeException e) {
      return mapper.createObjectNode();
    }
  }

  public boolean signedIn() {
    return token != null;
  }

  /** The bearer token; only for calls to the services, never sent to the browser. */
  public String token() {
    if (token == null) {
      throw new ApiProblem(401, null);
    }
    return token;
  }

  public String language() {
    return language;
  }

  public String subject() {
    return claims.path("sub").asText("");
  }

  /** The display name: the token's {@code name}, else its subject. */
  public String name() {
    return claims.hasNonNull("name") ? claims.get("name").asText() : subject();
  }

  /** The first of the token's roles the console knows, else the first one. */
  public String role() {
    List<String> roles = strings("groups");
    for (String known : List.of("admin", "bu-staff", "expert", "partner")) {
      if (roles.contains(known)) {
        return known;
      }
    }
    return roles.isEmpty() ? "" : roles.get(0);
  }

  public List<String> businessUnits() {
    return strings("business_units");
  }

  public String expertId() {
    return claims.path("expert_id").asText(null);
  }

  public boolean isExpert() {
    return expertId() != null;
  }

  public boolean isAdmin() {
    return "admin".equals(role());
  }

  private List<String> strings(String claim) {
    List<String> out = new ArrayList<>();
    JsonNode node = claims.get(claim);
    if (node != null && node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (node != null && node.isTextual()) {
      out.add(node.asText());
    }
    return out;
  }
}
