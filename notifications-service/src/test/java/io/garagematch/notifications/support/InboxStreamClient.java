package io.garagematch.notifications.support;

import io.garagematch.infra.TestTokens;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * An expert's client of {@code GET /api/v1/experts/{id}/inbox/stream} that reads every line as soon
 * as it comes. The status is known once the response head has arrived, before any event.
 */
public final class InboxStreamClient implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final CompletableFuture<HttpResponse.ResponseInfo> head = new CompletableFuture<>();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final CompletableFuture<HttpResponse<Void>> response;
  private volatile Flow.Subscription body;
  private volatile boolean ended;

  private InboxStreamClient(String expertId) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    RestAssured.baseURI
                        + ":"
                        + RestAssured.port
                        + "/api/v1/experts/"
                        + expertId
                        + "/inbox/stream"))
            .header("Authorization", "Bearer " + TestTokens.forRole("expert", expertId))
            .header("Accept", "text/event-stream")
            .build();
    response =
        HTTP.sendAsync(
            request,
            info -> {
              head.complete(info);
              return HttpResponse.BodySubscribers.fromLineSubscriber(new Lines());
            });
  }

  /** Opens the stream as the expert themself. */
  public static InboxStreamClient open(String expertId) {
    return new InboxStreamClient(expertId);
  }

  /** The response's status, once its head has arrived (at most 10 s). */
  public int status() throws Exception {
    return head.get(10, TimeUnit.SECONDS).statusCode();
  }

  public String contentType() throws Exception {
    return head.get(10, TimeUnit.SECONDS).headers().firstValue("Content-Type").orElse("");
  }

  /** The data of each event received so far. */
  public List<String> events() {
    return lines.stream()
        .filter(l -> l.startsWith("data:"))
        .map(l -> l.substring(5).trim())
        .toList();
  }

  /** The comment lines received so far (an SSE comment starts with a colon). */
  public List<String> comments() {
    return lines.stream().filter(l -> l.startsWith(":")).toList();
  }

  /** The body as received so far, for a response that is not an event stream. */
  public String body() {
    return String.join("\n", lines);
  }

  /** Whether the server has ended the response. */
  public boolean ended() {
    return ended;
  }

  @Override
  public void close() {
    Flow.Subscription s = body;
    if (s != null) {
      s.cancel();
    }
    response.cancel(true);
  }

  private final class Lines implements Flow.Subscriber<String> {
    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      body = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      lines.add(line);
    }

    @Override
    public void onError(Throwable failure) {
      ended = true;
    }

    @Override
    public void onComplete() {
      ended = true;
    }
  }
}
