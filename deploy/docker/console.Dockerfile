# console: JVM image of the Quarkus fast-jar (console/target/quarkus-app/), the web console.
#
# Build from the repository root (it is the build context), after packaging the jars:
#   ./mvnw package -DskipTests && docker build -f deploy/docker/console.Dockerfile -t garagematch/console:0.1.0 .
#
# Run: configured by environment variables only (docs/deploy.md, "Configuration reference" and
# "The console in production"). In production it signs people in with OpenID Connect
# (CONSOLE_SIGN_IN=oidc, OIDC_ENABLED=true, OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET) and
# needs CONSOLE_SESSION_SECRET (at least 32 characters), the same for every instance.
# Memory: the heap is 75% of the container's memory limit, so always set a limit.

ARG JAVA_IMAGE=eclipse-temurin:17.0.15_6-jre
FROM ${JAVA_IMAGE}

# A fixed non-root user (uid/gid 185), so Kubernetes can check runAsNonRoot.
RUN groupadd --system --gid 185 garagematch \
 && useradd --system --uid 185 --gid 185 --home-dir /deployments --no-create-home \
      --shell /usr/sbin/nologin garagematch \
 && mkdir -p /deployments \
 && chown 185:185 /deployments

WORKDIR /deployments

# Fast-jar layers, least to most often changed: dependencies, runner, application, generated code.
COPY --chown=185:185 console/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185:185 console/target/quarkus-app/*.jar /deployments/
COPY --chown=185:185 console/target/quarkus-app/app/ /deployments/app/
COPY --chown=185:185 console/target/quarkus-app/quarkus/ /deployments/quarkus/

USER 185

# Read by the JVM itself (no shell needed); override the whole variable to change it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager"

EXPOSE 8080

ENTRYPOINT ["java", "-jar", "/deployments/quarkus-run.jar"]
