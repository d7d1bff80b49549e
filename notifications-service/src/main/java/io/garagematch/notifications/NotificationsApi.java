package io.garagematch.notifications;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The notifications-service's HTTP API: its OpenAPI description. */
@OpenAPIDefinition(
    servers =
        @Server(
            url = "http://localhost:8083",
            description =
                "The local stack (./garagematch up); in production the address of its ingress"),
    info =
        @Info(
            title = "GarageMatch notifications-service",
            version = "v1",
            description =
                "Experts, subscriptions and delivery of match alerts by e-mail, signed webhooks and in-app inbox."))
public class NotificationsApi extends Application {}
