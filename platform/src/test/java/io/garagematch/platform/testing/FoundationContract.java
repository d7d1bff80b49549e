package io.garagematch.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.agroal.api.AgroalDataSource;
import io.garagematch.contracts.events.Event;
import io.garagematch.contracts.events.EventType;
import io.garagematch.infra.TestTokens;
import io.garagematch.infra.TopicReader;
import io.garagematch.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every service must do the same way: token checks, readiness covering database and broker,
 * and a real round trip through both with the outbox. Each service runs it as its own {@code
 * FoundationTest}, naming a role it serves and one it does not.
 */
public abstract class FoundationContract {

  private final String servedRole;
  private final String subject;
  private final String foreignRole;
  private final String eventSource;

  protected FoundationContract(
      String servedRole, String subject, String foreignRole, String eventSource) {
    this.servedRole = servedRole;
    this.subject = subject;
    this.foreignRole = foreignRole;
    this.eventSource = eventSource;
  }

  @Inject protected Outbox outbox;
  @Inject protected AgroalDataSource dataSource;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  protected String bootstrapServers;

  @Test
  void requestWithoutTokenIsUnauthorizedWithAProblemAndABearerChallenge() {
    given()
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .contentType("application/problem+json")
        .body("status", equalTo(401))
        .body("type", equalTo("urn:garagematch:problem:unauthorized"))
        .body("detail", equalTo("a bearer token is required"));
  }

  @Test
  void tokenSignedByAnotherKeyIsUnauthorizedWithAProblem() {
    given()
        .auth()
        .oauth2(TestTokens.signedByAnotherKey(servedRole, subject))
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("status", equalTo(401))
        .body("detail", org.hamcrest.Matchers.startsWith("the bearer token is not valid"));
  }

  /**
   * Tokens are checked beyond their signature: the audience ({@code JWT_AUDIENCE}), a maximum
   * lifetime ({@code JWT_MAX_LIFETIME}) and an issue time not in the future.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("tokensWithBadClaims")
  void tokenWithBadClaimsIsUnauthorized(String why, Map<String, Object> claims) {
    given()
        .auth()
        .oauth2(TestTokens.withClaims(servedRole, subject, claims))
        .get("/api/v1/me")
        .then()
        .statusCode(401);
  }

  static Stream<Arguments> tokensWithBadClaims() {
    long now = Instant.now().getEpochSecond();
    long year = Duration.ofDays(365).toSeconds();
    return Stream.of(
        Arguments.of("another audience", Map.of("aud", "https://evil.example")),
        Arguments.of("no audience", Map.of("aud", List.of())),
        Arguments.of("a ten-year lifetime", Map.of("iat", now, "exp", now + 10 * year)),
        Arguments.of("issued a year from now", Map.of("iat", now + year, "exp", now + year + 600)),
        Arguments.of("expired", Map.of("iat", now - 7200, "exp", now - 3600)));
  }

  @Test
  void roleThisServiceDoesNotServeIsForbidden() {
    given()
        .auth()
        .oauth2(TestTokens.withClaims(foreignRole, "x", Map.of()))
        .get("/api/v1/me")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:garagematch:problem:forbidden"));
  }

  @Test
  void methodThePathDoesNotAllowIsA405ProblemNamingTheAllowedOnes() {
    given()
        .auth()
        .oauth2(TestTokens.forRole(servedRole, subject))
        .delete("/api/v1/me")
        .then()
        .statusCode(405)
        .header("Allow", "GET, HEAD")
        .contentType("application/problem+json")
        .body("status", equalTo(405))
        .body("type", equalTo("urn:garagematch:problem:method-not-allowed"));
  }

  @Test
  void tooLongTargetAndTooLargeHeadersAreProblemsBeforeAnyToken() {
    given()
        .get("/api/v1/me?x=" + "a".repeat(5_000))
        .then()
        .statusCode(414)
        .contentType("application/problem+json")
        .body("status", equalTo(414))
        .body("type", equalTo("urn:garagematch:problem:uri-too-long"));
    given()
        .header("X-Padding", "a".repeat(25_000))
        .get("/api/v1/me")
        .then()
        .statusCode(431)
        .contentType("application/problem+json")
        .body("status", equalTo(431))
        .body("type", equalTo("urn:garagematch:problem:request-header-fields-too-large"));
  }

  @Test
  void validTokenGetsTheCallerBack() {
    given()
        .auth()
        .oauth2(TestTokens.forRole(servedRole, subject))
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("subject", equalTo(subject))
        .body("roles", hasItem(servedRole));
  }

  @Test
  void healthMetricsAndOpenApiNeedNoToken() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body(
            "checks.name",
            hasItems("Database connections health check", "Kafka connection health check"));
    given().get("/q/metrics").then().statusCode(200);
    given().get("/q/openapi").then().statusCode(200);
  }

  @Test
  void committedOutboxEventReachesTheBrokerAsACloudEventAndIsMarkedSent() throws Exception {
    String topic = "foundation-check-" + UUID.randomUUID();
    EventType<Map> checked = new EventType<>(topic, "foundation", "checked", Map.class);
    UUID id =
        QuarkusTransaction.requiringNew()
            .call(() -> outbox.append(Event.of(checked, "key-1", Map.of("ok", true))));

    List<ConsumerRecord<String, String>> records =
        new TopicReader(bootstrapServers).byKey(topic, "key-1", 1);
    assertThat(records).hasSize(1);
    ConsumerRecord<String, String> record = records.get(0);
    assertThat(record.key()).isEqualTo("key-1");
    assertThat(record.value()).isEqualTo("{\"ok\": true}");
    assertThat(TopicReader.header(record, "ce_id")).isEqualTo(id.toString());
    assertThat(TopicReader.header(record, "ce_type")).isEqualTo(checked.type());
    assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(TopicReader.header(record, "ce_source")).isEqualTo(eventSource);
    assertThat(TopicReader.header(record, "content-type")).isEqualTo("application/json");
    await().atMost(Duration.ofSeconds(10)).until(() -> sentAt(id) != null);
  }

  @Test
  void rolledBackOutboxEventIsNeverStored() throws Exception {
    EventType<Map> checked =
        new EventType<>("foundation-rollback", "foundation", "checked", Map.class);
    String key = UUID.randomUUID().toString();

    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          outbox.append(Event.of(checked, key, Map.of()));
                          throw new IllegalStateException("the business change failed");
                        }))
        .hasMessage("the business change failed");

    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement("select count(*) from outbox_event where message_key = ?")) {
      q.setString(1, key);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }

  private Timestamp sentAt(UUID id) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q = c.prepareStatement("select sent_at from outbox_event where id = ?")) {
      q.setObject(1, id);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getTimestamp(1) : null;
      }
    }
  }
}
