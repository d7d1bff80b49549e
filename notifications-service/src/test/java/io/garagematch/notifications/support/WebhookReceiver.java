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
 * A real HTTP webhook receiver on a free loopback port (or on a given loopback address and port).
 * Each path behaves as told: answer 204, fail with 500 a number of times first (or forever),
 * redirect, or hang. Records every request it answers or holds, with the time it arrived.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One request as received. */
  public record Received(String path, Map<String, String> headers, String body, Instant at) {}

  private final HttpServer server;
  private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
  private final Map<String, Boolean> hanging = new ConcurrentHashMap<>();
  private final Map<String, String> redirects = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public WebhookReceiver() {
    this("127.0.0.1", Ports.free());
  }

  /** A receiver on this address (127.0.0.2 is loopback too on Linux) and port. */
  public WebhookReceiver(String address, int port) {
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 0);
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
          String location = redirects.get(path);
          if (location != null) {
            exchange.getResponseHeaders().set("location", location);
            exchange.sendResponseHeaders(302, -1);
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

  public int port() {
    return server.getAddress().getPort();
  }

  /** The path answers 500 this many times, then 204. */
  public WebhookReceiver failing(String path, int times) {
    failuresLeft.put(path, new AtomicInteger(times));
    return this;
  }

  /** The path answers 302 with this location. */
  public WebhookReceiver redirecting(String path, String location) {
    redirects.put(path, location);
    return this;
  }

  /** Every request received, on any path. */
  public List<Received> received() {
    return List.copyOf(received);
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
