package io.garagematch.applications;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The applications-service's HTTP API: its OpenAPI description. */
@OpenAPIDefinition(
    servers =
        @Server(
            url = "http://localhost:8081",
            description =
                "The local stack (./garagematch up); in production the address of its ingress"),
    info =
        @Info(
            title = "GarageMatch applications-service",
            version = "v1",
            description =
                "Intake: partner systems submit, update, withdraw and erase startup applications."))
public class ApplicationsApi extends Application {}
