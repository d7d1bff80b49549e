package io.garagematch.matching;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The matching-service's HTTP API: its OpenAPI description. */
@OpenAPIDefinition(
    tags = {
      @Tag(name = "Caller", description = "Who the bearer token says the caller is"),
      @Tag(
          name = "Needs",
          description =
              "Open needs of business units, the startups ranked for each, and the programme's KPIs"),
      @Tag(
          name = "Matches",
          description =
              "Matches of startups to needs: a unit's queue, decisions, pilots and reassignment"),
      @Tag(
          name = "Weights",
          description =
              "A business unit's weights: those in force, its decisions replayed against weights"
                  + " learned from them, and their promotion")
    },
    servers =
        @Server(
            url = "http://localhost:8082",
            description =
                "The local stack (./garagematch up); in production the address of its ingress"),
    info =
        @Info(
            title = "GarageMatch matching-service",
            version = "v1",
            license = @License(name = "Proprietary", identifier = "LicenseRef-Proprietary"),
            description =
                "Business-unit needs, the trilingual matcher, ranked matches, decisions, weights"
                    + " learned per unit and programme KPIs."))
public class MatchingApi extends Application {}
