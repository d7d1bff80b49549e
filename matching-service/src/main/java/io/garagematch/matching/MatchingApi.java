package io.garagematch.matching;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The matching-service's HTTP API: its OpenAPI description. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "GarageMatch matching-service",
            version = "v1",
            description =
                "Business-unit needs, the trilingual matcher, ranked matches, decisions and programme KPIs."))
public class MatchingApi extends Application {}
