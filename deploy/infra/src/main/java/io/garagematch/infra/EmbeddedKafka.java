package io.garagematch.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in this JVM).
 *
 * <p>The only class that touches Kafka's internal server classes; everything else talks to it over
 * its bootstrap address.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private final int port;
  private final int controllerPort;
  private final Path logDir;
  private final KafkaRaftServer server;

  private EmbeddedKafka(int port, int controllerPort, Path logDir, KafkaRaftServer server) {
    this.port = port;
    this.controllerPort = controllerPort;
    this.logDir = logDir;
    this.server = server;
  }

  /**
   * Formats {@code logDir} when it holds no cluster yet, then starts the broker.
   *
   * @param port the PLAINTEXT listener on 127.0.0.1
   * @param logDir kept between starts by the local stack, fresh per run in tests
   */
  public static EmbeddedKafka start(int port, Path logDir) throws IOException {
    return start(port, Ports.free(), logDir);
  }

  private static EmbeddedKafka start(int port, int controllerPort, Path logDir) throws IOException {
    Files.createDirectories(logDir);
    Properties props = brokerProperties(port, controllerPort, logDir);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(props, logDir);
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
    createTopics("127.0.0.1:" + port);
    return new EmbeddedKafka(port, controllerPort, logDir, server);
  }

  /**
   * The suite's topics (and dead-letter topics). Created when the broker starts, so that a consumer
   * that subscribes before the first producer writes finds its topic at once, instead of waiting
   * for its next metadata refresh.
   */
  public static final Map<String, Map<String, String>> TOPICS = topics();

  /** The topics and their retention, as in deploy/k8s/base/kafka/topics.yaml. */
  private static Map<String, Map<String, String>> topics() {
    String week = "604800000";
    String month = "2592000000";
    Map<String, Map<String, String>> t = new LinkedHashMap<>();
    t.put("startup-applications", Map.of("retention.ms", week));
    t.put("startup-applications.dlq", Map.of("retention.ms", month));
    t.put("need-events", Map.of("retention.ms", month));
    t.put("match-events", Map.of("retention.ms", week));
    t.put("match-events.dlq", Map.of("retention.ms", month));
    t.put("expert-events", Map.of("cleanup.policy", "compact"));
    t.put("expert-events.dlq", Map.of("retention.ms", month));
    t.put("erasure-confirmations", Map.of("retention.ms", month));
    t.put("erasure-confirmations.dlq", Map.of("retention.ms", month));
    return Collections.unmodifiableMap(t);
  }

  private static void createTopics(String bootstrapServers) throws IOException {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          TOPICS.entrySet().stream()
              .filter(t -> !existing.contains(t.getKey()))
              .map(t -> new NewTopic(t.getKey(), 3, (short) 1).configs(t.getValue()))
              .toList();
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("creating the topics failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while creating the topics", e);
    }
  }

  /** Starts this broker again after {@link #close()}: same ports, same data. */
  public EmbeddedKafka restart() throws IOException {
    return start(port, controllerPort, logDir);
  }

  static Properties brokerProperties(int port, int controllerPort, Path logDir) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.setProperty(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    p.setProperty("num.partitions", "3");
    p.setProperty("auto.create.topics.enable", "true");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "3");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    return p;
  }

  private static void format(Properties props, Path logDir) throws IOException {
    Path config = logDir.resolveSibling(logDir.getFileName() + ".format.properties");
    try (Writer w = Files.newBufferedWriter(config)) {
      props.store(w, "written to format the KRaft log directory");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc;
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      rc =
          StorageTool.execute(
              new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
              ps);
    } finally {
      Files.deleteIfExists(config);
    }
    if (rc != 0) {
      throw new IOException(
          "formatting " + logDir + " failed: " + out.toString(StandardCharsets.UTF_8));
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
