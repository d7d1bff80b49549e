package io.garagematch.notifications.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.notifications.domain.Resolver;
import io.garagematch.notifications.domain.WebhookSignature;
import io.garagematch.notifications.domain.WebhookTarget;
import io.garagematch.notifications.domain.WebhookTargets;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Webhook deliveries per the Standard Webhooks specification (docs/webhooks.md): POST of the event
 * envelope, signed with the recipient's secret, {@code webhook-id} the notification id (the same on
 * every retry). Completes with null when the receiver answered 2xx, else the error.
 *
 * <p>The host is resolved once per attempt, every address is checked ({@link WebhookTargets}) and
 * the connection goes to the first of them: Vert.x's {@link RequestOptions#setServer} names the
 * address to connect to while the URL's host stays in the Host header, in TLS SNI and in the
 * certificate check. (The JDK client offers no such hook: it would look the name up again.) No
 * redirects, HTTP/1.1 (an h2c upgrade attempt to a receiver that hangs would hold back the requests
 * to other paths of the same host). Asynchronous: a receiver that hangs holds one connection until
 * the timeout, never a thread the others need; lookups and outcomes run on this class's own
 * threads, never on an event loop, since the dispatcher records outcomes in a transaction.
 */
@ApplicationScoped
public class WebhookSender {

  /**
   * Connections at once to one address: enough that receivers that hang do not hold back others on
   * the same host (the dispatcher holds at most {@code dispatcher.max-in-flight} deliveries, 256 by
   * default).
   */
  private static final int CONNECTIONS_PER_ADDRESS = 256;

  /** Of a failed answer's body, what is kept for the error. */
  private static final int BODY_KEPT = 200;

  private final ObjectMapper json;
  private final Vertx vertx;
  private final Resolver resolver;
  private final Duration timeout;
  private final boolean allowPrivate;
  private final HttpClient http;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
          });

  @Inject
  public WebhookSender(
      NotificationsConfig config, ObjectMapper json, Vertx vertx, Resolver resolver) {
    this(
        json, vertx, resolver, config.webhooks().timeout(), config.webhooks().allowPrivate(), null);
  }

  /**
   * @param trust the certificates trusted for https receivers; null: the JDK's CA certificates
   */
  WebhookSender(
      ObjectMapper json,
      Vertx vertx,
      Resolver resolver,
      Duration timeout,
      boolean allowPrivate,
      TrustOptions trust) {
    this.json = json;
    this.vertx = vertx;
    this.resolver = resolver;
    this.timeout = timeout;
    this.allowPrivate = allowPrivate;
    HttpClientOptions options =
        new HttpClientOptions()
            .setProtocolVersion(HttpVersion.HTTP_1_1)
            .setConnectTimeout((int) timeout.toMillis())
            .setVerifyHost(true)
            .setTrustAll(false)
            .setMaxRedirects(0);
    if (trust != null) {
      options.setTrustOptions(trust);
    }
    this.http =
        vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_ADDRESS));
  }

  CompletableFuture<String> send(Job job) {
    String body;
    try {
      body = json.writeValueAsString(job.payload());
    } catch (JsonProcessingException e) {
      return CompletableFuture.completedFuture("could not write the body: " + e.getMessage());
    }
    return CompletableFuture.supplyAsync(
            () -> WebhookTargets.resolve(job.url(), allowPrivate, resolver), threads)
        .thenCompose(
            resolution ->
                resolution.refused()
                    ? CompletableFuture.completedFuture("refused: the URL " + resolution.refusal())
                    : post(resolution.target(), job, body))
        // the caller records the outcome in a transaction: not on an event loop
        .thenApplyAsync(Function.identity(), threads);
  }

  /** POSTs to the checked address and nowhere else; the outcome as {@link #send} describes it. */
  private CompletableFuture<String> post(WebhookTarget target, Job job, String body) {
    String id = job.id().toString();
    long timestamp = Instant.now().getEpochSecond();
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setServer(
                SocketAddress.inetSocketAddress(
                    new InetSocketAddress(target.address(), target.port())))
            .setHost(target.host())
            .setPort(target.port())
            .setSsl(target.tls())
            .setURI(target.requestUri())
            .setFollowRedirects(false)
            .setConnectTimeout(timeout.toMillis())
            .setIdleTimeout(timeout.toMillis())
            .putHeader(HttpHeaders.HOST, target.hostHeader())
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .putHeader(HttpHeaders.USER_AGENT, "GarageMatch-Webhooks/1")
            .putHeader("webhook-id", id)
            .putHeader("webhook-timestamp", Long.toString(timestamp))
            .putHeader(
                "webhook-signature", WebhookSignature.sign(job.secret(), id, timestamp, body));
    CompletableFuture<String> outcome = new CompletableFuture<>();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    long deadline =
        vertx.setTimer(
            timeout.toMillis(),
            t -> {
              if (outcome.complete(timedOut()) && sent.get() != null) {
                sent.get().reset(); // closes the connection that the receiver holds
              }
            });
    outcome.whenComplete((r, e) -> vertx.cancelTimer(deadline));
    http.request(request)
        .onFailure(e -> outcome.complete(describe(e)))
        .onSuccess(
            r -> {
              sent.set(r);
              if (outcome.isDone()) {
                r.reset();
                return;
              }
              r.send(Buffer.buffer(body, "UTF-8"))
                  .onFailure(e -> outcome.complete(describe(e)))
                  .onSuccess(response -> read(response, outcome));
            });
    return outcome;
  }

  /** Completes with null on 2xx, else with the status and the start of the body. */
  private void read(HttpClientResponse response, CompletableFuture<String> outcome) {
    int status = response.statusCode();
    Buffer start = Buffer.buffer();
    int bytesKept = BODY_KEPT * 4; // enough for BODY_KEPT characters of UTF-8
    response.handler(
        chunk -> {
          int room = bytesKept - start.length();
          if (room > 0) {
            start.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
          }
        });
    response.exceptionHandler(e -> outcome.complete(describe(e)));
    response.endHandler(
        v -> {
          if (status >= 200 && status < 300) {
            outcome.complete(null);
            return;
          }
          String text = start.toString(StandardCharsets.UTF_8);
          text = text.substring(0, Math.min(BODY_KEPT, text.length()));
          outcome.complete("HTTP " + status + (text.isBlank() ? "" : ": " + text));
        });
  }

  private String timedOut() {
    return "timed out after " + timeout.toMillis() + " ms";
  }

  private String describe(Throwable e) {
    if (e instanceof TimeoutException || e instanceof ConnectTimeoutException) {
      return timedOut();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  @PreDestroy
  void close() {
    http.close();
    threads.shutdown();
  }
}
