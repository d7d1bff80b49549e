package io.garagematch.platform.rest;

import io.garagematch.platform.problem.Problem;
import io.garagematch.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A position in a list ordered by (updatedAt, id), opaque to clients: {@code ?cursor=}. */
public record Cursor(Instant updatedAt, UUID id) {

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((updatedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  public static Cursor decode(String text) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
      return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
    } catch (RuntimeException e) {
      throw new ProblemException(
          Problem.invalid(
              "cursor: is not a cursor from this API",
              List.of(new Problem.Violation("cursor", "is not a cursor from this API"))));
    }
  }
}
