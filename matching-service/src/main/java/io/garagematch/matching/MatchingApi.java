package io.garagematch.matching;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The matching-service's HTTP API: its OpenAPI description. */
@OpenAPIDefinition(
    servers =
        @Server(
            url = "http://localhost:8082",
            description =
                "The local stack (./garagematch up); in production the address of its ingress"),
    info =
        @Info(
            title = "GarageMatch matching-service",
            version = "v1",
            description =
                "Business-unit needs, the trilingual matcher, ranked matches, decisions and programme KPIs."))
public class MatchingApi extends Application {}
