package io.garagematch.platform.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods a path allows, for the {@code Allow} header of a 405: read from the service's own
 * OpenAPI document, which lists every operation (a path template such as {@code /api/v1/needs/{id}}
 * matches any one segment in place of {@code {id}}).
 */
@ApplicationScoped
public class AllowedMethods {

  private record Route(Pattern path, String methods) {}

  private final OpenApiDocumentService documents;
  private final ObjectMapper json;
  private volatile List<Route> routes;

  public AllowedMethods(OpenApiDocumentService documents, ObjectMapper json) {
    this.documents = documents;
    this.json = json;
  }

  /** {@code GET, PUT} for a path of the API, empty for one the document does not know. */
  public Optional<String> at(String path) {
    return routes().stream()
        .filter(route -> route.path().matcher(path).matches())
        .map(Route::methods)
        .findFirst();
  }

  private List<Route> routes() {
    List<Route> known = routes;
    if (known == null) {
      known = read();
      routes = known;
    }
    return known;
  }

  private List<Route> read() {
    JsonNode paths;
    try {
      paths =
          json.readTree(documents.getDocument(OpenApiFilter.DEFAULT_DOCUMENT_NAME, Format.JSON))
              .path("paths");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Route> read = new ArrayList<>();
    paths
        .fields()
        .forEachRemaining(
            path -> {
              TreeSet<String> methods = new TreeSet<>();
              path.getValue()
                  .fieldNames()
                  .forEachRemaining(m -> methods.add(m.toUpperCase(Locale.ROOT)));
              if (methods.contains("GET")) {
                methods.add("HEAD");
              }
              String regex =
                  Pattern.quote(path.getKey())
                      .replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q")
                      .replace("\\Q\\E", "");
              read.add(new Route(Pattern.compile(regex), String.join(", ", methods)));
            });
    return List.copyOf(read);
  }
}
