package io.garagematch.infra;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the local stack sends out, caught on this machine: an SMTP server (GreenMail) whose messages
 * are written to {@code STATE/mail/NNN-recipient.eml}, and a webhook receiver that answers 204 and
 * appends each request (headers and body) to {@code STATE/webhooks.log}. Both on 127.0.0.1 only.
 * Used by the local stack and by the system tests.
 */
public final class LocalCatchers implements AutoCloseable {

  private final GreenMail smtp;
  private final HttpServer hooks;
  private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService receivers = Executors.newFixedThreadPool(8);
  private final Object hooksLog = new Object();
  private int written;
  private final Map<String, Integer> writtenPerMailbox = new HashMap<>();

  public LocalCatchers(Path state, int smtpPort, int hooksPort) throws IOException {
    Path mail = Files.createDirectories(state.resolve("mail"));
    try (var existing = Files.list(mail)) {
      written = (int) existing.count();
    }
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    writer.scheduleWithFixedDelay(() -> writeNew(mail), 500, 500, TimeUnit.MILLISECONDS);

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
   * Writes the messages received since the last call (those of earlier runs are kept), mailbox by
   * mailbox: each recipient's inbox only grows, whereas GreenMail's list of all received messages
   * is gathered across mailboxes in no stable order, so counting into it wrote some messages twice
   * and others never.
   */
  private synchronized void writeNew(Path dir) {
    try {
      for (GreenMailUser user : List.copyOf(smtp.getUserManager().listUser())) {
        List<StoredMessage> inbox =
            smtp.getManagers().getImapHostManager().getInbox(user).getMessages();
        int done = writtenPerMailbox.getOrDefault(user.getEmail(), 0);
        // counted message by message: a pass cut short by a message arriving meanwhile (GreenMail
        // adds users and messages while we read) goes on where it stopped, writing none twice
        for (int i = done; i < inbox.size(); i++) {
          MimeMessage m = inbox.get(i).getMimeMessage();
          String to =
              Arrays.stream(m.getAllRecipients())
                  .map(Address::toString)
                  .collect(Collectors.joining("_"))
                  .replaceAll("[^A-Za-z0-9@._-]", "_");
          ByteArrayOutputStream raw = new ByteArrayOutputStream();
          m.writeTo(raw);
          Files.write(dir.resolve(String.format("%04d-%s.eml", ++written, to)), raw.toByteArray());
          writtenPerMailbox.put(user.getEmail(), i + 1);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      System.err.println("writing caught mail failed (tried again in 500 ms): " + e);
    }
  }

  @Override
  public void close() {
    writer.shutdownNow();
    hooks.stop(0);
    receivers.shutdownNow();
    smtp.stop();
  }
}
