package io.garagematch.applications;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The applications-service's HTTP API: its OpenAPI description. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "GarageMatch applications-service",
            version = "v1",
            description =
                "Intake: partner systems submit, update, withdraw and erase startup applications."))
public class ApplicationsApi extends Application {}
