package io.garagematch.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A service answered with an error: its status and its RFC 9457 problem (title, detail and the
 * field errors), as the console shows them to the reader.
 */
@io.quarkus.qute.TemplateData
public class ApiProblem extends RuntimeException {

  private final int status;
  private final String title;
  private final String detail;
  private final List<String> errors;

  /** A refusal of the console's own, in the shape a service's problem has. */
  public static ApiProblem of(int status, String title, String detail) {
    return new ApiProblem(
        status,
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
            .objectNode()
            .put("title", title)
            .put("detail", detail));
  }

  public ApiProblem(int status, JsonNode problem) {
    super(status + " " + text(problem, "title"));
    this.status = status;
    this.title = text(problem, "title");
    this.detail = text(problem, "detail");
    List<String> out = new ArrayList<>();
    JsonNode list = problem == null ? null : problem.get("errors");
    if (list != null && list.isArray()) {
      for (JsonNode e : list) {
        out.add(text(e, "field") + ": " + text(e, "message"));
      }
    }
    this.errors = List.copyOf(out);
  }

  private static String text(JsonNode node, String field) {
    return node == null || !node.hasNonNull(field) ? "" : node.get(field).asText();
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  public List<String> errors() {
    return errors;
  }
}
