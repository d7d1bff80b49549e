package io.garagematch.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The authorization matrix as data ({@code src/test/resources/authorization-matrix.csv}): for each
 * operation of the three OpenAPI documents, who calls it on whose object and what they get; and the
 * markdown table docs/security.md shows of it.
 */
final class AuthorizationMatrix {

  static final String RESOURCE = "/authorization-matrix.csv";
  static final List<String> SERVICES = List.of("applications", "matching", "notifications");
  static final List<String> CALLERS =
      List.of("none", "partner", "bu-staff", "expert", "expert (unregistered)", "admin");
  static final List<String> OWNERS =
      List.of("-", "own", "another partner's", "another unit's", "another expert's");

  /** The markdown table's columns: a caller, or a caller on another party's object. */
  static final List<String> COLUMNS =
      List.of(
          "none",
          "partner",
          "partner: another partner's",
          "bu-staff",
          "bu-staff: another unit's",
          "expert",
          "expert: another unit's",
          "expert: another expert's",
          "expert (unregistered)",
          "admin");

  private AuthorizationMatrix() {}

  /** What a row expects: a status and what else must hold. */
  record Expected(int status, String also) {

    /** The problem type of a 403, what a list shows, whether a decision event is emitted. */
    static final List<String> ALSO =
        List.of(
            "",
            "forbidden",
            "business-unit-not-yours",
            "own",
            "all",
            "nothing",
            "event",
            "no-event");

    /** {@code 403 forbidden}, {@code 200 own}, {@code 404}, ... */
    static Expected parse(String text) {
      String[] parts = text.trim().split(" ", 2);
      Expected e = new Expected(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "");
      if (!ALSO.contains(e.also)) {
        throw new IllegalArgumentException("unknown expectation: " + text);
      }
      return e;
    }

    @Override
    public String toString() {
      return switch (also) {
        case "", "forbidden" -> Integer.toString(status);
        case "business-unit-not-yours" -> status + " not your unit";
        case "own" -> status + " own only";
        case "all" -> status + " all";
        case "nothing" -> status + " empty";
        case "event" -> status + " event";
        case "no-event" -> status + " no event";
        default -> status + " " + also;
      };
    }
  }

  /** One row: {@code caller} calls the operation on an object of {@code owner}. */
  record Row(
      String service, String method, String path, String caller, String owner, Expected expected) {

    Row {
      if (!SERVICES.contains(service) || !CALLERS.contains(caller) || !OWNERS.contains(owner)) {
        throw new IllegalArgumentException(
            "unknown service, caller or owner in " + String.join(",", service, caller, owner));
      }
    }

    /** {@code matching POST /api/v1/matches/{id}/decisions}. */
    String operation() {
      return service + " " + method + " " + path;
    }

    /** Whether the object is another party's rather than the caller's own (or anyone's). */
    boolean others() {
      return owner.startsWith("another");
    }

    String column() {
      return others() ? caller + ": " + owner : caller;
    }

    @Override
    public String toString() {
      String whose =
          switch (owner) {
            case "own" -> " on its own";
            case "another unit's" -> " of another unit";
            case "-" -> "";
            default -> " on " + owner;
          };
      return operation() + " as " + caller + whose + " → " + expected;
    }
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    AuthorizationMatrix.class.getResourceAsStream(RESOURCE), RESOURCE),
                StandardCharsets.UTF_8))) {
      boolean header = true;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != 6) {
          throw new IllegalArgumentException("not 6 fields: " + line);
        }
        rows.add(new Row(f[0], f[1], f[2], f[3], f[4], Expected.parse(f[5])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The markdown tables of docs/security.md: per service, one line per operation. */
  static String markdown(List<Row> rows) {
    StringBuilder md = new StringBuilder();
    for (String service : SERVICES) {
      Map<String, Map<String, Row>> operations = new LinkedHashMap<>();
      for (Row r : rows) {
        if (r.service().equals(service)) {
          Row before =
              operations
                  .computeIfAbsent(r.method() + " " + r.path(), k -> new LinkedHashMap<>())
                  .put(r.column(), r);
          if (before != null) {
            throw new IllegalArgumentException("two rows for one cell: " + before + " and " + r);
          }
        }
      }
      md.append("\n#### ").append(service).append("-service\n\n");
      md.append("| operation | ").append(String.join(" | ", COLUMNS)).append(" |\n");
      md.append("| --- |").append(" --- |".repeat(COLUMNS.size())).append('\n');
      operations.forEach(
          (operation, cells) -> {
            md.append("| `").append(operation).append("` |");
            for (String column : COLUMNS) {
              Row r = cells.get(column);
              md.append(' ').append(r == null ? "·" : r.expected().toString()).append(" |");
            }
            md.append('\n');
          });
    }
    return md.toString();
  }
}
