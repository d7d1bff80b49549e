package io.garagematch.systemtests;

import static org.awaitility.Awaitility.await;

import io.garagematch.infra.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service started as its own JVM, as ./garagematch up starts it. */
final class ServiceProcess implements AutoCloseable {

  final String name;
  final int port;
  private final Map<String, String> env;
  private final Process process;
  private final Path log;

  private ServiceProcess(
      String name, int port, Map<String, String> env, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.env = env;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code ../<name>/target/quarkus-app/quarkus-run.jar} and waits until it is ready. */
  static ServiceProcess start(String name, Map<String, String> env) throws IOException {
    return start(name, env, Ports.free());
  }

  /** Kills the process at once (SIGKILL: no shutdown hook runs) and starts it again, same port. */
  ServiceProcess killAndRestart() throws IOException, InterruptedException {
    process.destroyForcibly().waitFor();
    return start(name, env, port);
  }

  private static ServiceProcess start(String name, Map<String, String> env, int port)
      throws IOException {
    Path jar = Path.of("..", name, "target", "quarkus-app", "quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar + " is missing: package the services first (./mvnw verify does)");
    }
    Path log =
        Files.createDirectories(Path.of("target", "services")).resolve(name + "-" + port + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port,
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    ServiceProcess service = new ServiceProcess(name, port, env, pb.start(), log);
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!service.process.isAlive()) {
                throw new IllegalStateException(name + " stopped; see " + log.toAbsolutePath());
              }
              try {
                return http.send(
                            HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200;
              } catch (IOException e) {
                return false;
              }
            });
    return service;
  }

  long pid() {
    return process.pid();
  }

  /** What the service has logged so far. */
  String log() throws IOException {
    return Files.readString(log);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
