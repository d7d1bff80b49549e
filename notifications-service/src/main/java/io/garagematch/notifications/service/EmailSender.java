package io.garagematch.notifications.service;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.databind.JsonNode;
import io.garagematch.contracts.taxonomy.Language;
import io.garagematch.notifications.domain.ExpertSpec;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * E-mails to experts, in their language (Qute templates {@code templates/mail/*-{en,de,zh}.html}
 * and {@code .txt}), over SMTP with Quarkus Mailer; each match links to its page in the web console
 * ({@code garagematch.console.url}{@code /matches/{id}}). Blocking: called on the dispatcher's mail
 * threads. Returns null when the SMTP server accepted the message, else the error.
 */
@ApplicationScoped
public class EmailSender {

  private final Mailer mailer;
  private final Engine qute;
  private final String consoleUrl;

  public EmailSender(
      Mailer mailer,
      Engine qute,
      @ConfigProperty(name = "garagematch.console.url") String consoleUrl) {
    this.mailer = mailer;
    this.qute = qute;
    this.consoleUrl = consoleUrl.replaceAll("/+$", "");
  }

  /** One e-mail about one proposed match. */
  String send(Job job) {
    ExpertSpec expert = job.expert();
    Language l = expert.language();
    JsonNode data = job.payload().path("data");
    Map<String, Object> values = item(data);
    values.put("expertName", expert.name());
    values.put("startupCountry", data.path("startup").path("country").asText(""));
    values.put("startupPitch", data.path("startup").path("pitch").asText(null));
    values.put("reasons", Messages.reasons(data, l));
    String subject =
        Messages.proposedSubject(
            l,
            (String) values.get("needTitle"),
            (String) values.get("startupName"),
            (String) values.get("score"));
    return deliver(expert, subject, "match-proposed", values, messageId(job.id()));
  }

  /** One digest e-mail about several proposed matches for the same expert. */
  String sendDigest(List<Job> jobs) {
    ExpertSpec expert = jobs.get(0).expert();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("expertName", expert.name());
    values.put("items", jobs.stream().map(j -> item(j.payload().path("data"))).toList());
    values.put("count", jobs.size());
    String ids = jobs.stream().map(j -> j.id().toString()).sorted().collect(joining(","));
    return deliver(
        expert,
        Messages.digestSubject(expert.language(), jobs.size()),
        "digest",
        values,
        messageId(UUID.nameUUIDFromBytes(ids.getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * The Message-ID of a notification's e-mail: the same on every attempt, so that a copy sent again
   * after a crash (the SMTP server took it, the outcome was never recorded) is recognised as one by
   * mail clients (RFC 5322 §3.6.4) and by the reconciliation of the fault suite.
   */
  public static String messageId(UUID notificationId) {
    return "<" + notificationId + "@notifications.garagematch>";
  }

  private Map<String, Object> item(JsonNode data) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("needTitle", data.path("need").path("title").asText(""));
    item.put("startupName", data.path("startup").path("name").asText(""));
    item.put("businessUnit", data.path("businessUnit").asText(""));
    item.put("score", Messages.score(data.path("score").asDouble()));
    item.put("matchUrl", consoleUrl + "/matches/" + data.path("id").asText());
    return item;
  }

  private String deliver(
      ExpertSpec expert,
      String subject,
      String template,
      Map<String, Object> values,
      String messageId) {
    String language = expert.language().name().toLowerCase(Locale.ROOT);
    try {
      mailer.send(
          Mail.withHtml(expert.email(), subject, render(template, language, "html", values))
              .setText(render(template, language, "txt", values))
              .addHeader("Message-ID", messageId));
      return null;
    } catch (RuntimeException e) {
      return "SMTP: " + e.getMessage();
    }
  }

  private String render(String name, String language, String suffix, Map<String, Object> values) {
    Template t = qute.getTemplate("mail/" + name + "-" + language + "." + suffix);
    var instance = t.instance();
    values.forEach(instance::data);
    return instance.render();
  }
}
