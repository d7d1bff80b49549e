package io.garagematch.console;

import static io.garagematch.console.Api.Service.NOTIFICATIONS;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * An expert's inbox: the latest items with the unread count, marking one read, and the live stream,
 * relayed from notifications-service so the token never reaches the browser.
 */
@Path("/inbox")
public class InboxPages {

  private final Api api;
  private final Session session;
  private final Views views;

  public InboxPages(Api api, Session session, Views views) {
    this.api = api;
    this.session = session;
    this.views = views;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance inbox() {
    if (!session.isExpert()) {
      return views.page("inbox").data("items", List.of()).data("expert", false);
    }
    JsonNode page =
        api.get(
            session.token(),
            NOTIFICATIONS,
            "/api/v1/experts/" + session.expertId() + "/inbox?limit=50");
    List<Object> items = new ArrayList<>();
    page.path("items").forEach(i -> items.add(api.plain(i)));
    return views.page("inbox").data("items", items).data("expert", true);
  }

  @POST
  @Path("{item}/read")
  public Response read(@PathParam("item") UUID item) {
    if (session.isExpert()) {
      api.send(
          session.token(),
          NOTIFICATIONS,
          "PUT",
          "/api/v1/experts/" + session.expertId() + "/inbox/" + item + "/read",
          null,
          null);
    }
    return Response.seeOther(URI.create("/inbox")).build();
  }

  /** The expert's live stream: each new inbox item's JSON as one event. */
  @GET
  @Path("stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  @Blocking
  public Multi<String> stream() {
    if (!session.isExpert()) {
      return Multi.createFrom().empty();
    }
    String token = session.token();
    String path = "/api/v1/experts/" + session.expertId() + "/inbox/stream";
    return Multi.createFrom()
        .<String>emitter(
            emitter -> {
              InputStream in;
              try {
                in = api.stream(token, NOTIFICATIONS, path);
              } catch (ApiProblem problem) {
                emitter.fail(problem);
                return;
              }
              emitter.onTermination(() -> close(in));
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while (!emitter.isCancelled() && (line = lines.readLine()) != null) {
                  if (line.startsWith("data:")) {
                    emitter.emit(line.substring(5).trim());
                  }
                }
                emitter.complete();
              } catch (IOException closed) {
                emitter.complete();
              }
            })
        .runSubscriptionOn(Infrastructure.getDefaultExecutor());
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
