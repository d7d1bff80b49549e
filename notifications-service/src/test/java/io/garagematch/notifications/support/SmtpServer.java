package io.garagematch.notifications.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.garagematch.infra.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A real SMTP server (GreenMail) in the test JVM; the service's mailer is pointed at it. */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

  private static GreenMail server;

  @Override
  public synchronized Map<String, String> start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
    return Map.of(
        "quarkus.mailer.host", "127.0.0.1",
        "quarkus.mailer.port", Integer.toString(server.getSmtp().getPort()),
        "quarkus.mailer.start-tls", "DISABLED");
  }

  @Override
  public void stop() {
    // one server for the test JVM, like the broker and the database
  }

  /** Waits (without polling) until the server has received {@code count} messages in all. */
  public static boolean waitForMessages(int count, long timeoutMillis) {
    return server.waitForIncomingEmail(timeoutMillis, count);
  }

  /** Every message received so far. */
  public static List<MimeMessage> received() {
    return Arrays.asList(server.getReceivedMessages());
  }
}
