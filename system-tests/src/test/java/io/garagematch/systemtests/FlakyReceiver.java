package io.garagematch.systemtests;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on 127.0.0.1 that can be told to misbehave: {@link Mode#ANSWER} takes each
 * request (204), {@link Mode#HANG} holds it without a word until the mode changes, {@link
 * Mode#FAIL} answers 503. Counts what it saw in each mode, and the distinct {@code webhook-id}s it
 * took.
 */
final class FlakyReceiver implements AutoCloseable {

  enum Mode {
    ANSWER,
    HANG,
    FAIL
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private volatile Mode mode = Mode.ANSWER;
  private final Map<Mode, AtomicInteger> seen = new ConcurrentHashMap<>();
  private final Set<String> taken = ConcurrentHashMap.newKeySet();

  FlakyReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          Mode now = mode;
          seen.computeIfAbsent(now, m -> new AtomicInteger()).incrementAndGet();
          try {
            switch (now) {
              case HANG -> {
                synchronized (this) {
                  while (mode == Mode.HANG) {
                    wait(1_000);
                  }
                }
                // the sender gave up long ago: the connection just closes
              }
              case FAIL -> exchange.sendResponseHeaders(503, -1);
              case ANSWER -> {
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                if (id != null) {
                  taken.add(id);
                }
                exchange.sendResponseHeaders(204, -1);
              }
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized void mode(Mode next) {
    mode = next;
    notifyAll();
  }

  /** Requests seen in {@code mode} so far. */
  int seen(Mode inMode) {
    AtomicInteger n = seen.get(inMode);
    return n == null ? 0 : n.get();
  }

  /** The deliveries taken (answered 204), by their {@code webhook-id}. */
  Set<String> taken() {
    return Set.copyOf(taken);
  }

  @Override
  public void close() {
    mode(Mode.ANSWER);
    server.stop(0);
    threads.shutdownNow();
  }
}
