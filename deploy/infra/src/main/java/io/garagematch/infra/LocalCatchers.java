package io.garagematch.infra;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.subethamail.smtp.server.SMTPServer;

/**
 * What the local stack sends out, caught on this machine: an SMTP server (SubEthaSMTP) whose
 * messages are written to {@code STATE/mail/NNN-recipient.eml}, and a webhook receiver that answers
 * 204 and appends each request (headers and body) to {@code STATE/webhooks.log}. Both on 127.0.0.1
 * only. Used by the local stack and by the system tests.
 */
public final class LocalCatchers implements AutoCloseable {

  private final SMTPServer smtp;
  private final HttpServer hooks;
  private final ExecutorService receivers = Executors.newFixedThreadPool(8);
  private final Object hooksLog = new Object();
  private int written;

  public LocalCatchers(Path state, int smtpPort, int hooksPort) throws IOException {
    Path mail = Files.createDirectories(state.resolve("mail"));
    try (var existing = Files.list(mail)) {
      written = (int) existing.count();
    }
    smtp =
        SMTPServer.port(smtpPort)
            .bindAddress(InetAddress.getLoopbackAddress())
            .messageHandler((context, from, to, data) -> write(mail, to, data))
            .build();
    smtp.start();

    Path log = state.resolve("webhooks.log");
    hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", hooksPort), 0);
    hooks.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String headers =
              exchange.getRequestHeaders().entrySet().stream()
                  .filter(h -> h.getKey().toLowerCase().startsWith("webhook-"))
                  .map(h -> h.getKey().toLowerCase() + ": " + h.getValue().get(0))
                  .sorted()
                  .collect(Collectors.joining("\n"));
          String entry =
              Instant.now()
                  + " "
                  + exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + "\n"
                  + headers
                  + "\n"
                  + body
                  + "\n\n";
          synchronized (hooksLog) {
            Files.writeString(log, entry, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    // answers several requests at once, as a real receiver would: one thread would make the
    // receiver, not the sender, the limit of a delivery benchmark
    hooks.setExecutor(receivers);
    hooks.start();
  }

  /**
   * Writes one received message, as the SMTP server received it, before the server answers 250:
   * when a sender hears its message was taken, the file is there.
   */
  private synchronized void write(Path dir, String to, byte[] data) {
    String name = to.replaceAll("[^A-Za-z0-9@._-]", "_");
    try {
      Files.write(dir.resolve(String.format("%04d-%s.eml", ++written, name)), data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    hooks.stop(0);
    receivers.shutdownNow();
    smtp.stop();
  }
}
