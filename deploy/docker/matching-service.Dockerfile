# matching-service: JVM image of the Quarkus fast-jar (matching-service/target/quarkus-app/).
#
# Build from the repository root (it is the build context), after packaging the jars:
#   ./mvnw package -DskipTests && docker build -f deploy/docker/matching-service.Dockerfile -t garagematch/matching-service:0.1.0 .
#
# Run: configured by environment variables only (docs/deploy.md, "Configuration reference").
# JWT_PUBLIC_KEY_LOCATION is required: without it the service does not start.
# Memory: the heap is 75% of the container's memory limit, so always set a limit.
# matching-service keeps every active startup and open need in memory (docs/performance.md:
# about 1 GiB of heap for 100,000 startups), hence G1 and a larger limit than the other services.

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
COPY --chown=185:185 matching-service/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185:185 matching-service/target/quarkus-app/*.jar /deployments/
COPY --chown=185:185 matching-service/target/quarkus-app/app/ /deployments/app/
COPY --chown=185:185 matching-service/target/quarkus-app/quarkus/ /deployments/quarkus/

USER 185

# Read by the JVM itself (no shell needed); override the whole variable to change it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager"

EXPOSE 8082

ENTRYPOINT ["java", "-jar", "/deployments/quarkus-run.jar"]
