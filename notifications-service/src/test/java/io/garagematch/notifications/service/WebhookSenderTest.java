package io.garagematch.notifications.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.infra.Ports;
import io.garagematch.notifications.domain.Channel;
import io.garagematch.notifications.domain.Resolver;
import io.garagematch.notifications.domain.WebhookSignature;
import io.garagematch.notifications.domain.WebhookTargets;
import io.garagematch.notifications.support.WebhookReceiver;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender against real HTTP servers on loopback addresses, with a resolver whose answers change
 * between lookups (DNS rebinding): a request goes to the address that was checked or nowhere.
 */
class WebhookSenderTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Long enough for a first TLS handshake in a cold JVM. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  static Vertx vertx;

  /** A real receiver on 127.0.0.1 that must hear nothing of a rebinding name. */
  WebhookReceiver loopback;

  final List<WebhookSender> senders = new ArrayList<>();

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void startLoopbackReceiver() {
    loopback = new WebhookReceiver();
  }

  @AfterEach
  void stop() {
    loopback.close();
    senders.forEach(WebhookSender::close);
  }

  /** Answers in turn, the last answer again once they run out; records the names asked for. */
  static final class Rebinding implements Resolver {
    private final List<InetAddress[]> answers;
    final List<String> asked = new CopyOnWriteArrayList<>();

    Rebinding(String... answers) {
      this.answers = Arrays.stream(answers).map(a -> new InetAddress[] {literal(a)}).toList();
    }

    @Override
    public InetAddress[] resolve(String host) {
      asked.add(host);
      return answers.get(Math.min(asked.size(), answers.size()) - 1);
    }
  }

  static InetAddress literal(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }

  WebhookSender sender(Resolver resolver, boolean allowPrivate) {
    return sender(resolver, allowPrivate, null, TIMEOUT);
  }

  WebhookSender sender(
      Resolver resolver, boolean allowPrivate, PemTrustOptions trust, Duration timeout) {
    WebhookSender sender = new WebhookSender(JSON, vertx, resolver, timeout, allowPrivate, trust);
    senders.add(sender);
    return sender;
  }

  static Job job(String url) {
    var payload = JSON.createObjectNode().put("type", "match.proposed").put("id", "m-1");
    return new Job(
        UUID.randomUUID(),
        Channel.WEBHOOK,
        UUID.randomUUID(),
        false,
        0,
        payload,
        null,
        url,
        WebhookSignature.newSecret(),
        null);
  }

  static String outcome(WebhookSender sender, Job job) throws Exception {
    return sender.send(job).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aNameThatRebindsToLoopbackAfterItsCheckIsRefusedAndLoopbackHearsNothing() throws Exception {
    Rebinding dns = new Rebinding("93.184.215.14", "127.0.0.1");
    String url = "http://hooks.example:" + loopback.port() + "/hook";

    // registration: the first answer is public
    assertThat(WebhookTargets.refusal(url, false, dns)).isEmpty();
    // delivery: its own lookup answers loopback; that answer is checked, and nothing is sent
    String outcome = outcome(sender(dns, false), job(url));

    assertThat(outcome).isEqualTo("refused: the URL resolves to an internal address (127.0.0.1)");
    assertThat(dns.asked).hasSize(2);
    assertThat(loopback.received()).isEmpty();
  }

  @Test
  void theRequestGoesOnlyToTheAddressOfTheOneLookup() throws Exception {
    // every loopback address is private: allowed here, so the first answer may be called
    Rebinding dns = new Rebinding("127.0.0.2", "127.0.0.1");
    try (WebhookReceiver checked = new WebhookReceiver("127.0.0.2", loopback.port())) {
      Job job = job("http://hooks.example:" + loopback.port() + "/hook?x=1");

      String outcome = outcome(sender(dns, true), job);

      assertThat(outcome).isNull();
      assertThat(dns.asked).containsExactly("hooks.example");
      assertThat(checked.received("/hook")).hasSize(1);
      WebhookReceiver.Received got = checked.received("/hook").get(0);
      assertThat(got.headers())
          .containsEntry("host", "hooks.example:" + loopback.port())
          .containsEntry("webhook-id", job.id().toString());
      assertThat(JSON.readTree(got.body()).get("id").asText()).isEqualTo("m-1");
      assertThat(loopback.received()).isEmpty();
    }
  }

  @Test
  void anAnswerWithALoopbackAddressBesideAPublicOneIsRefused() throws Exception {
    Resolver dns = host -> new InetAddress[] {literal("93.184.215.14"), literal("127.0.0.1")};

    String outcome =
        outcome(sender(dns, false), job("http://hooks.example:" + loopback.port() + "/"));

    assertThat(outcome).isEqualTo("refused: the URL resolves to an internal address (127.0.0.1)");
    assertThat(loopback.received()).isEmpty();
  }

  @Test
  void anIpv4MappedLoopbackAnswerIsRefused() throws Exception {
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1};
    Resolver dns = host -> new InetAddress[] {Inet6Address.getByAddress(null, mapped, -1)};

    String outcome =
        outcome(sender(dns, false), job("http://hooks.example:" + loopback.port() + "/"));

    assertThat(outcome).startsWith("refused: the URL resolves to an internal address");
    assertThat(loopback.received()).isEmpty();
  }

  @Test
  void redirectsAreNotFollowed() throws Exception {
    loopback.redirecting("/hook", loopback.url("/elsewhere"));

    String outcome = outcome(sender(new Rebinding("127.0.0.1"), true), job(loopback.url("/hook")));

    assertThat(outcome).isEqualTo("HTTP 302");
    assertThat(loopback.received("/elsewhere")).isEmpty();
  }

  @Test
  void aFailureAnswerIsItsStatusAndTheStartOfItsBody() throws Exception {
    loopback.failing("/hook", 1);

    String outcome = outcome(sender(new Rebinding("127.0.0.1"), true), job(loopback.url("/hook")));

    assertThat(outcome).isEqualTo("HTTP 500: not today");
  }

  @Test
  void aReceiverThatDoesNotAnswerTimesOut() throws Exception {
    loopback.hanging("/hook");

    String outcome =
        outcome(
            sender(new Rebinding("127.0.0.1"), true, null, Duration.ofMillis(300)),
            job(loopback.url("/hook")));

    assertThat(outcome).isEqualTo("timed out after 300 ms");
  }

  /** An https receiver on 127.0.0.1 whose certificate names hooks.example. */
  static final class TlsReceiver implements AutoCloseable {
    final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    final HttpServer server;
    final PemTrustOptions trust;
    final int port = Ports.free();

    TlsReceiver(Path dir) throws Exception {
      Path keyStore = dir.resolve("hooks.p12");
      Path certificate = dir.resolve("hooks.pem");
      keytool(
          "-genkeypair -alias hooks -keyalg EC -groupname secp256r1 -validity 2"
              + " -dname CN=hooks.example -ext SAN=dns:hooks.example -storetype PKCS12"
              + " -storepass secret -keypass secret -keystore",
          keyStore);
      keytool(
          "-exportcert -rfc -alias hooks -storepass secret -keystore",
          keyStore,
          "-file",
          certificate);
      trust = new PemTrustOptions().addCertPath(certificate.toString());
      server =
          vertx
              .createHttpServer(
                  new HttpServerOptions()
                      .setSsl(true)
                      .setKeyCertOptions(
                          new PfxOptions().setPath(keyStore.toString()).setPassword("secret")))
              .requestHandler(
                  request -> {
                    received.add(
                        Map.of(
                            "sni", serverNames(request.connection().sslSession()),
                            "host", String.valueOf(request.getHeader("host"))));
                    request.response().setStatusCode(204).end();
                  })
              .listen(port, "127.0.0.1")
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
    }

    /** The names the client asked for in its TLS hello (SNI). */
    static String serverNames(SSLSession session) {
      return ((ExtendedSSLSession) session)
          .getRequestedServerNames().stream()
              .map(n -> ((SNIHostName) n).getAsciiName())
              .collect(Collectors.joining(","));
    }

    /** Runs the JDK's keytool with these options (the paths without spaces). */
    static void keytool(Object... options) throws Exception {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
      for (Object option : options) {
        command.addAll(List.of(option.toString().split(" ")));
      }
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(output).isZero();
    }

    @Override
    public void close() throws Exception {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void httpsNamesTheUrlsHostInSniHostAndCertificateCheckWhileConnectingToTheCheckedAddress(
      @TempDir Path dir) throws Exception {
    try (TlsReceiver tls = new TlsReceiver(dir)) {
      Rebinding dns = new Rebinding("127.0.0.1", "127.0.0.2");

      String outcome =
          outcome(
              sender(dns, true, tls.trust, TIMEOUT),
              job("https://hooks.example:" + tls.port + "/hook"));

      assertThat(outcome).isNull();
      assertThat(dns.asked).hasSize(1);
      assertThat(tls.received)
          .containsExactly(Map.of("sni", "hooks.example", "host", "hooks.example:" + tls.port));
    }
  }

  @Test
  void httpsToANameTheCertificateDoesNotCoverFails(@TempDir Path dir) throws Exception {
    try (TlsReceiver tls = new TlsReceiver(dir)) {
      String outcome =
          outcome(
              sender(new Rebinding("127.0.0.1"), true, tls.trust, TIMEOUT),
              job("https://other.example:" + tls.port + "/hook"));

      assertThat(outcome).startsWith("SSLHandshakeException");
      assertThat(tls.received).isEmpty();
    }
  }
}
