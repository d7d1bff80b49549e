package io.garagematch.notifications.support;

import com.sun.net.httpserver.HttpServer;
import io.garagematch.infra.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP webhook receiver on a free loopback port. Each path behaves as told: answer 204, fail
 * with 500 a number of times first (or forever), or hang. Records every request it answers or
 * holds, with the time it arrived.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One request as received. */
  public record Received(String path, Map<String, String> headers, String body, Instant at) {}

  private final HttpServer server;
  private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
  private final Map<String, Boolean> hanging = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", Ports.free()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, String> headers = new ConcurrentHashMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
          received.add(new Received(path, headers, body, Instant.now()));
          if (hanging.getOrDefault(path, false)) {
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
          }
          AtomicInteger left = failuresLeft.get(path);
          int status = left != null && left.getAndDecrement() > 0 ? 500 : 204;
          byte[] answer =
              status == 500 ? "not today".getBytes(StandardCharsets.UTF_8) : new byte[0];
          exchange.sendResponseHeaders(status, status == 204 ? -1 : answer.length);
          if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
          }
          exchange.close();
        });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The path answers 500 this many times, then 204. */
  public WebhookReceiver failing(String path, int times) {
    failuresLeft.put(path, new AtomicInteger(times));
    return this;
  }

  /** The path never answers. */
  public WebhookReceiver hanging(String path) {
    hanging.put(path, true);
    return this;
  }

  public List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
