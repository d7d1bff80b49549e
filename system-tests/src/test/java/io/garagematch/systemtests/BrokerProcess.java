package io.garagematch.systemtests;

import static org.awaitility.Awaitility.await;

import io.garagematch.infra.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker in a process of its own ({@code io.garagematch.infra.LocalInfra}, as {@code
 * ./garagematch up} runs it), so that a test can kill it with SIGKILL or freeze it with SIGSTOP.
 * Its data stays in its state folder across restarts, on the same port.
 */
final class BrokerProcess implements AutoCloseable {

  private final Path state;
  private final int port;
  private Process process;

  private BrokerProcess(Path state, int port) {
    this.state = state;
    this.port = port;
  }

  static BrokerProcess start(Path state) throws IOException {
    BrokerProcess broker = new BrokerProcess(state.toAbsolutePath(), Ports.free());
    broker.launch();
    return broker;
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** SIGKILL: the broker gets no chance to flush or to say goodbye. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Starts it again after {@link #kill()}: same port, same data. */
  void restart() throws IOException {
    launch();
  }

  /** SIGSTOP: the process stays, its sockets stay open, nothing answers. */
  void freeze() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** SIGCONT after {@link #freeze()}. */
  void thaw() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
    }
  }

  private void launch() throws IOException {
    Files.createDirectories(state);
    Path ready = state.resolve("infra.ready");
    Files.deleteIfExists(ready);
    process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.garagematch.infra.LocalInfra",
                state.toString(),
                String.valueOf(port),
                "external")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(state.resolve("broker.log").toFile()))
            .start();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "the broker stopped; see " + state.resolve("broker.log"));
              }
              return Files.exists(ready);
            });
  }

  @Override
  public void close() throws InterruptedException, IOException {
    if (process != null && process.isAlive()) {
      thaw(); // a frozen process does not act on SIGTERM
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
