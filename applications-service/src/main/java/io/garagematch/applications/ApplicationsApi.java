package io.garagematch.applications;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The applications-service's HTTP API: its OpenAPI description. */
@OpenAPIDefinition(
    tags = {
      @Tag(name = "Caller", description = "Who the bearer token says the caller is"),
      @Tag(
          name = "Applications",
          description =
              "Startup applications submitted by partner systems: their versions, history, outcomes and the contact released to experts")
    },
    servers =
        @Server(
            url = "http://localhost:8081",
            description =
                "The local stack (./garagematch up); in production the address of its ingress"),
    info =
        @Info(
            title = "GarageMatch applications-service",
            version = "v1",
            license = @License(name = "Proprietary", identifier = "LicenseRef-Proprietary"),
            description =
                "Intake: partner systems submit, update, withdraw and erase startup applications."))
public class ApplicationsApi extends Application {}
