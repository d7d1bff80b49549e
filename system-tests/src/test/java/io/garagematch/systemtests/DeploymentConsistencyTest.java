package io.garagematch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.garagematch.infra.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deployment files say what the code does: every service's and the console's image, port, probe
 * paths and environment variables (only those its configuration reads) in the Dockerfiles, the
 * compose file and the Kubernetes manifests, every topic the code uses declared as a Strimzi
 * KafkaTopic, and every environment variable explained in docs/deploy.md. Parses the files; needs
 * no Docker.
 */
class DeploymentConsistencyTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Pattern ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
  static final Pattern TOPIC_CONSTANT = Pattern.compile("String TOPIC = \"([^\"]+)\"");

  /** Read by the JVM itself, not by the configuration. */
  static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

  static int port(String service) throws IOException {
    Matcher m =
        Pattern.compile("(?m)^quarkus\\.http\\.port=(\\d+)")
            .matcher(Files.readString(properties(service)));
    assertThat(m.find()).as("%s sets quarkus.http.port", service).isTrue();
    return Integer.parseInt(m.group(1));
  }

  static Path properties(String service) {
    return ROOT.resolve(service + "/src/main/resources/application.properties");
  }

  /**
   * The environment variables a service's configuration reads: its own, and the platform's if it is
   * built on the platform (the console is not).
   */
  static Set<String> variables(String service) throws IOException {
    Set<String> names = new TreeSet<>();
    List<Path> files = new ArrayList<>(List.of(properties(service)));
    if (Files.readString(ROOT.resolve(service + "/pom.xml"))
        .contains("<artifactId>garagematch-platform</artifactId>")) {
      files.add(
          ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
    }
    for (Path p : files) {
      Matcher m = ENV.matcher(Files.readString(p));
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** Every topic the code reads or writes, dead-letter topics included. */
  static Set<String> topics() throws IOException {
    Set<String> topics = new TreeSet<>();
    for (String service : SERVICES) {
      Matcher m =
          Pattern.compile("(?m)^mp\\.messaging\\.[^=]*topic=(.+)$")
              .matcher(Files.readString(properties(service)));
      while (m.find()) {
        topics.add(m.group(1).trim());
      }
      try (Stream<Path> sources = Files.walk(ROOT.resolve(service + "/src/main/java"))) {
        for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher c = TOPIC_CONSTANT.matcher(Files.readString(source));
          while (c.find()) {
            topics.add(c.group(1));
          }
        }
      }
    }
    return topics;
  }

  /** Every deployable: the three services and the web console. */
  static final List<String> SERVICES =
      List.of("applications-service", "matching-service", "notifications-service", "console");

  /** Every document of every YAML file under {@code dir}. */
  static List<JsonNode> manifests(Path dir) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (YAMLParser parser = new YAMLFactory().createParser(f.toFile())) {
          for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
            if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
              docs.add(doc);
            }
          }
        }
      }
    }
    return docs;
  }

  @Test
  void theTopicsTheCodeUsesAreStrimziKafkaTopics() throws IOException {
    Set<String> declared = new TreeSet<>();
    for (JsonNode doc : manifests(ROOT.resolve("deploy/k8s/base"))) {
      if ("KafkaTopic".equals(doc.path("kind").asText())) {
        declared.add(
            doc.path("spec").path("topicName").asText(doc.path("metadata").path("name").asText()));
      }
    }
    assertThat(topics()).isNotEmpty();
    assertThat(declared).as("KafkaTopic resources in deploy/k8s/base").containsAll(topics());
  }

  /**
   * Retention is chosen per topic (docs/security.md): Kubernetes, compose and the local stack's
   * broker create every topic the code uses, with the same retention or cleanup policy.
   */
  @Test
  void everyTopicHasTheSameRetentionInKubernetesComposeAndTheLocalStack() throws IOException {
    Map<String, Map<String, String>> k8s = new TreeMap<>();
    for (JsonNode doc : manifests(ROOT.resolve("deploy/k8s/base"))) {
      if ("KafkaTopic".equals(doc.path("kind").asText())) {
        Map<String, String> config = new TreeMap<>();
        doc.path("spec")
            .path("config")
            .fields()
            .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        config.remove("min.insync.replicas");
        k8s.put(doc.path("metadata").path("name").asText(), config);
      }
    }
    assertThat(k8s.keySet()).containsAll(topics());
    assertThat(k8s.values())
        .as("a deliberate retention for every topic")
        .allMatch(c -> !c.isEmpty());
    assertThat(new TreeMap<>(EmbeddedKafka.TOPICS)).isEqualTo(k8s);
    String compose = Files.readString(ROOT.resolve("deploy/compose/compose.yaml"));
    k8s.forEach(
        (topic, config) ->
            config.forEach(
                (key, value) -> assertThat(compose).contains(topic + " " + key + "=" + value)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"applications-service", "matching-service", "notifications-service", "console"})
  void theDockerfileBuildsTheServicesFastJarAsNonRoot(String service) throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("deploy/docker/" + service + ".Dockerfile"));
    assertThat(dockerfile)
        .contains(service + "/target/quarkus-app/lib/")
        .contains("quarkus-run.jar")
        .containsPattern("(?m)^EXPOSE\\s+" + port(service) + "\\b")
        .containsPattern("(?m)^USER\\s+(?!root\\b|0\\b)\\S+");
    assertThat(Files.readString(ROOT.resolve(".dockerignore")))
        .as("the build context lets the jars of %s in", service)
        .containsPattern("(?m)^!" + Pattern.quote(service + "/target/quarkus-app") + "/?$");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"applications-service", "matching-service", "notifications-service", "console"})
  void theComposeServiceRunsItsImageOnItsPortWithItsVariables(String service) throws IOException {
    JsonNode compose = YAML.readTree(ROOT.resolve("deploy/compose/compose.yaml").toFile());
    JsonNode s = compose.path("services").path(service);
    assertThat(s.isMissingNode()).as("compose service %s", service).isFalse();
    assertThat(s.path("image").asText()).contains("garagematch/" + service);
    int port = port(service);
    assertThat(s.path("ports").toString()).contains(port + ":" + port);
    assertThat(s.path("healthcheck").toString()).contains("/q/health/ready");
    assertThat(s.path("depends_on").isMissingNode()).as("start order").isFalse();
    Set<String> env = new TreeSet<>();
    s.path("environment").fieldNames().forEachRemaining(env::add);
    if (s.path("environment").isArray()) {
      s.path("environment").forEach(e -> env.add(e.asText().split("=", 2)[0]));
    }
    assertThat(env).as("environment of %s", service).isNotEmpty();
    Set<String> known = new TreeSet<>(variables(service));
    known.addAll(JVM_VARIABLES);
    assertThat(known).as("variables %s reads", service).containsAll(env);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"applications-service", "matching-service", "notifications-service", "console"})
  void theKubernetesDeploymentRunsItsImageOnItsPortWithProbesAndItsVariables(String service)
      throws IOException {
    List<JsonNode> docs = manifests(ROOT.resolve("deploy/k8s/base"));
    JsonNode deployment =
        docs.stream()
            .filter(d -> "Deployment".equals(d.path("kind").asText()))
            .filter(d -> service.equals(d.path("metadata").path("name").asText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Deployment " + service));
    JsonNode container = deployment.at("/spec/template/spec/containers/0");
    assertThat(container.path("image").asText()).contains("garagematch/" + service);
    assertThat(container.path("ports").findValuesAsText("containerPort"))
        .contains(Integer.toString(port(service)));
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
    assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
    assertThat(container.path("resources").path("limits").isMissingNode()).isFalse();
    Set<String> env = new TreeSet<>();
    container.path("env").forEach(e -> env.add(e.path("name").asText()));
    for (JsonNode from : container.path("envFrom")) {
      String configMap = from.at("/configMapRef/name").asText(null);
      if (configMap != null) {
        docs.stream()
            .filter(d -> "ConfigMap".equals(d.path("kind").asText()))
            .filter(d -> configMap.equals(d.path("metadata").path("name").asText()))
            .forEach(d -> d.path("data").fieldNames().forEachRemaining(env::add));
      }
    }
    assertThat(env).as("environment of %s", service).isNotEmpty();
    Set<String> known = new TreeSet<>(variables(service));
    known.addAll(JVM_VARIABLES);
    assertThat(known).as("variables %s reads", service).containsAll(env);
    for (String kind : List.of("Service", "PodDisruptionBudget", "HorizontalPodAutoscaler")) {
      assertThat(docs)
          .as("%s for %s", kind, service)
          .anyMatch(
              d ->
                  kind.equals(d.path("kind").asText())
                      && d.path("metadata").path("name").asText().startsWith(service));
    }
  }

  @Test
  void deployMdExplainsEveryVariableTheServicesRead() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/deploy.md"));
    Set<String> all = new TreeSet<>();
    for (String service : SERVICES) {
      all.addAll(variables(service));
    }
    assertThat(all).isNotEmpty().allSatisfy(v -> assertThat(doc).contains("`" + v + "`"));
  }
}
