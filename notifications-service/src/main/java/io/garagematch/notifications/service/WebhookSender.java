package io.garagematch.notifications.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.garagematch.notifications.domain.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Webhook deliveries per the Standard Webhooks specification (docs/webhooks.md): POST of the event
 * envelope, signed with the recipient's secret, {@code webhook-id} the notification id (the same on
 * every retry). Asynchronous: a receiver that hangs holds one connection until the timeout, never a
 * thread the others need. Completes with null when the receiver answered 2xx, else the error.
 */
@ApplicationScoped
public class WebhookSender {

  private final NotificationsConfig config;
  private final ObjectMapper json;
  private final WebhookUrls urls;
  private final HttpClient http;

  public WebhookSender(NotificationsConfig config, ObjectMapper json, WebhookUrls urls) {
    this.config = config;
    this.json = json;
    this.urls = urls;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.webhooks().timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            // HTTP/1.1: an h2c upgrade attempt to a receiver that hangs would hold back the
            // requests to other paths of the same host
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newCachedThreadPool(r -> daemon(r, "webhook-client")))
            .build();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  CompletableFuture<String> send(Job job) {
    var refused = urls.refusal(job.url());
    if (refused.isPresent()) {
      return CompletableFuture.completedFuture("refused: the URL " + refused.get());
    }
    String body;
    try {
      body = json.writeValueAsString(job.payload());
    } catch (JsonProcessingException e) {
      return CompletableFuture.completedFuture("could not write the body: " + e.getMessage());
    }
    String id = job.id().toString();
    long timestamp = Instant.now().getEpochSecond();
    var request =
        java.net.http.HttpRequest.newBuilder(URI.create(job.url()))
            .timeout(config.webhooks().timeout())
            .header("content-type", "application/json")
            .header("user-agent", "GarageMatch-Webhooks/1")
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", WebhookSignature.sign(job.secret(), id, timestamp, body))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, error) -> {
              if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                return cause instanceof HttpTimeoutException
                    ? "timed out after " + config.webhooks().timeout().toMillis() + " ms"
                    : cause.getClass().getSimpleName() + ": " + cause.getMessage();
              }
              int status = response.statusCode();
              if (status >= 200 && status < 300) {
                return null;
              }
              String text = response.body() == null ? "" : response.body();
              return "HTTP "
                  + status
                  + (text.isBlank() ? "" : ": " + text.substring(0, Math.min(200, text.length())));
            });
  }
}
