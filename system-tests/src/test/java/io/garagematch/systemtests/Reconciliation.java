package io.garagematch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.garagematch.contracts.application.ApplicationContract;
import io.garagematch.contracts.match.MatchContract;
import io.garagematch.infra.LocalPostgres;
import io.garagematch.infra.TopicReader;
import io.garagematch.infra.bench.Backlog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Whether the suite lost or doubled anything: every application acknowledged with 201 is stored,
 * published once and known to matching; every notification the match events call for exists once
 * per (event, recipient, channel) and was delivered; every e-mail was sent once; the webhook
 * receiver took every delivered webhook. Reusable after any fault: it waits (up to {@code within})
 * for the flow to settle before it judges.
 *
 * @param applicationsDb JDBC URL of applications-service's database (likewise the others)
 * @param experts the experts who may own matches, by id: their unit
 * @param subscriptions the webhook subscriptions to {@code match.proposed}, by id: their unit
 * @param webhooksTaken the {@code webhook-id}s (notification ids) the subscriptions' receiver took
 */
record Reconciliation(
    String bootstrapServers,
    String applicationsDb,
    String matchingDb,
    String notificationsDb,
    Path mailDir,
    Set<String> needIds,
    Map<String, String> experts,
    Map<String, String> subscriptions,
    Supplier<Set<String>> webhooksTaken) {

  /** What was found: the figures of one check. */
  record Figures(
      int accepted,
      int stored,
      int published,
      int publishedCopies,
      int known,
      int matchEvents,
      int expectedNotifications,
      int delivered,
      int mails,
      int distinctMessageIds) {}

  /**
   * Checks, waiting up to {@code within} for the flow to settle.
   *
   * @param mailCopiesAllowed e-mails that may have gone out twice: one per kill of
   *     notifications-service (an e-mail the SMTP server took just before the process died is sent
   *     again, with the same Message-ID, as at-least-once delivery must)
   */
  Figures check(Set<String> accepted, Duration within, int mailCopiesAllowed) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    // the judgement reads whole topics and every caught e-mail: it waits, cheaply, until every
    // consumer group has read its topics to the end and no notification is due, so that its
    // reading does not slow the flow it waits for
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      await()
          .atMost(within)
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions()
          .until(() -> Backlog.records(admin) == 0 && notificationsDue() == 0);
    } catch (ConditionTimeoutException e) {
      // judged anyway: the judgement says what is missing
    }
    Figures[] last = new Figures[1];
    await()
        .atMost(Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0)).plusSeconds(10))
        .pollInterval(Duration.ofSeconds(3))
        .untilAsserted(() -> last[0] = judge(accepted, mailCopiesAllowed));
    return last[0];
  }

  private long notificationsDue() throws SQLException {
    try (Connection db = connect(notificationsDb)) {
      return Backlog.notificationsDue(db);
    }
  }

  private Figures judge(Set<String> accepted, int mailCopiesAllowed) throws Exception {
    Set<String> stored = ids(applicationsDb, "select id::text from application");
    assertThat(accepted).as("every 201 is stored").isSubsetOf(stored);

    String submitted = ApplicationContract.SUBMITTED.type();
    List<ConsumerRecord<String, String>> published =
        records(
            ApplicationContract.SUBMITTED.topic(),
            r -> accepted.contains(r.key()),
            accepted.size(),
            submitted);
    Map<String, Set<String>> eventIds = new HashMap<>();
    for (ConsumerRecord<String, String> r : published) {
      eventIds.computeIfAbsent(r.key(), k -> new HashSet<>()).add(TopicReader.header(r, "ce_id"));
    }
    assertThat(eventIds.keySet()).as("every 201 is published").containsAll(accepted);
    assertThat(eventIds.values())
        .as("each application is published as one event (a copy carries the same ce_id)")
        .allMatch(ids -> ids.size() == 1);

    Set<String> known = ids(matchingDb, "select id::text from startup");
    assertThat(known).as("matching knows every accepted startup").containsAll(accepted);

    List<ConsumerRecord<String, String>> matchEvents =
        records(
            MatchContract.PROPOSED.topic(),
            r -> needIds.contains(r.key()),
            Integer.MAX_VALUE, // as many as there are: read until the topic's end
            MatchContract.PROPOSED.type(),
            MatchContract.ASSIGNED.type());
    Set<String> expected = new HashSet<>();
    for (ConsumerRecord<String, String> r : matchEvents) {
      String eventId = TopicReader.header(r, "ce_id");
      JsonNode data = Http.json(r.value());
      String owner = data.path("ownerExpertId").asText("");
      if (experts.containsKey(owner)) {
        expected.add(eventId + "|" + owner + "|EMAIL");
      }
      if (MatchContract.PROPOSED.type().equals(TopicReader.header(r, "ce_type"))) {
        String unit = data.path("businessUnit").asText();
        subscriptions.forEach(
            (id, of) -> {
              if (of.equals(unit)) {
                expected.add(eventId + "|" + id + "|WEBHOOK");
              }
            });
      }
    }
    Map<String, String> notifications = new HashMap<>();
    Set<String> mailIds = new HashSet<>();
    Set<String> webhookIds = new HashSet<>();
    try (Connection db = connect(notificationsDb);
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "select event_id, recipient_id::text, channel, status, id::text"
                        + " from notification")) {
      while (rs.next()) {
        notifications.put(
            rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getString(4));
        if ("EMAIL".equals(rs.getString(3))) {
          mailIds.add("<" + rs.getString(5) + "@notifications.garagematch>");
        } else if ("WEBHOOK".equals(rs.getString(3)) && "SENT".equals(rs.getString(4))) {
          webhookIds.add(rs.getString(5));
        }
      }
    }
    assertThat(notifications.keySet())
        .as("every notification the match events call for exists")
        .containsAll(expected);
    assertThat(notifications)
        .as("and each was delivered")
        .allSatisfy((key, status) -> assertThat(status).as(key).isEqualTo("SENT"));

    List<String> messageIds = messageIds();
    assertThat(new HashSet<>(messageIds))
        .as("an e-mail (its notification's Message-ID) for each e-mail notification, no other")
        .isEqualTo(mailIds);
    assertThat(messageIds.size() - mailIds.size())
        .as("e-mails sent twice")
        .isLessThanOrEqualTo(mailCopiesAllowed);

    assertThat(webhooksTaken.get())
        .as(
            "the receiver took every delivered webhook (webhook-id: the notification's id), no other")
        .isEqualTo(webhookIds);

    return new Figures(
        accepted.size(),
        (int) accepted.stream().filter(stored::contains).count(),
        eventIds.size(),
        published.size(),
        (int) accepted.stream().filter(known::contains).count(),
        matchEvents.size(),
        expected.size(),
        (int) notifications.values().stream().filter("SENT"::equals).count(),
        messageIds.size(),
        new HashSet<>(messageIds).size());
  }

  private List<ConsumerRecord<String, String>> records(
      String topic,
      Predicate<ConsumerRecord<String, String>> filter,
      int expected,
      String... types) {
    Set<String> wanted = Set.of(types);
    return new TopicReader(bootstrapServers)
        .read(
            topic,
            r -> filter.test(r) && wanted.contains(TopicReader.header(r, "ce_type")),
            expected,
            Duration.ofSeconds(5),
            Duration.ofSeconds(1));
  }

  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");

  private List<String> messageIds() throws IOException {
    if (!Files.isDirectory(mailDir)) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(mailDir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
        Matcher m = MESSAGE_ID.matcher(Files.readString(f));
        ids.add(m.find() ? m.group(1) : f.getFileName().toString());
      }
    }
    return ids;
  }

  private static Set<String> ids(String url, String sql) throws SQLException {
    try (Connection db = connect(url);
        ResultSet rs = db.createStatement().executeQuery(sql)) {
      Set<String> ids = new HashSet<>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      return ids;
    }
  }

  static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.PASSWORD);
  }
}
