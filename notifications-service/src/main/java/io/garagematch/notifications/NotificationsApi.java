package io.garagematch.notifications;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The notifications-service's HTTP API: its OpenAPI description. */
@OpenAPIDefinition(
    tags = {
      @Tag(name = "Caller", description = "Who the bearer token says the caller is"),
      @Tag(
          name = "Experts",
          description = "BMW experts who receive alerts, with their units, languages and channels"),
      @Tag(
          name = "Inbox",
          description =
              "An expert's in-app alerts: listed, streamed as they arrive, marked read or unread"),
      @Tag(
          name = "Subscriptions",
          description = "Business units' subscriptions to alerts by e-mail or signed webhook"),
      @Tag(
          name = "Partner subscriptions",
          description =
              "Partner systems' signed webhooks for what happens to the startups they submitted"),
      @Tag(
          name = "Delivery log",
          description = "Every notification and its delivery attempts, and replaying one")
    },
    servers =
        @Server(
            url = "http://localhost:8083",
            description =
                "The local stack (./garagematch up); in production the address of its ingress"),
    info =
        @Info(
            title = "GarageMatch notifications-service",
            version = "v1",
            license = @License(name = "Proprietary", identifier = "LicenseRef-Proprietary"),
            description =
                "Experts, subscriptions and delivery of match alerts by e-mail, signed webhooks and in-app inbox."))
public class NotificationsApi extends Application {}
