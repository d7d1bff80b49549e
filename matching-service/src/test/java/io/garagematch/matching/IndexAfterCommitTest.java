package io.garagematch.matching;

import static io.garagematch.matching.MatchingFlowTest.JSON;
import static io.garagematch.matching.MatchingFlowTest.UNIT;
import static io.garagematch.matching.MatchingFlowTest.as;
import static io.garagematch.matching.MatchingFlowTest.chineseDriverMonitoringStartup;
import static io.garagematch.matching.MatchingFlowTest.driverMonitoringNeed;
import static io.garagematch.matching.MatchingFlowTest.openNeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.garagematch.contracts.application.ApplicationData;
import io.garagematch.infra.TestTokens;
import io.garagematch.matching.domain.MatchResult;
import io.garagematch.matching.domain.Matcher;
import io.garagematch.matching.domain.NeedSpec;
import io.garagematch.matching.domain.StartupProfile;
import io.garagematch.matching.service.MatcherHolder;
import io.garagematch.matching.service.NeedService;
import io.garagematch.matching.service.StartupService;
import io.garagematch.platform.security.Caller;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * The matcher's index changes only once the database change commits: a need or startup changed in a
 * transaction that rolls back leaves no trace in the index or the rankings, and concurrent changes
 * of one need leave the index as the database has it.
 */
@QuarkusTest
class IndexAfterCommitTest {

  static final String TOPIC = "startup-applications";
  static final String FAILURE = "a failure after the change";

  @Inject StartupService startupService;
  @Inject NeedService needService;
  @Inject MatcherHolder holder;
  @Inject Caller caller;
  @Inject CurrentIdentityAssociation identities;
  @Inject JWTParser tokens;

  @Test
  void aStartupWhoseTransactionRollsBackIsNeitherIndexedNorRankedAndIsOnceCommitted()
      throws Exception {
    String needId = openNeed(driverMonitoringNeed());
    int indexed = matcher().startupCount();
    ApplicationData startup = snapshot(UUID.randomUUID(), 1, "SUBMITTED", 7);

    rolledBack(() -> startupService.apply(UUID.randomUUID().toString(), TOPIC, startup));

    assertThat(matcher().startup(startup.id().toString())).isNull();
    assertThat(matcher().startupCount()).isEqualTo(indexed);
    assertThat(ranked(needId, startup.id())).isFalse();

    committed(() -> startupService.apply(UUID.randomUUID().toString(), TOPIC, startup));

    assertThat(matcher().startup(startup.id().toString()))
        .isEqualTo(StartupProfile.of(startup).toStartup());
    assertThat(ranked(needId, startup.id())).isTrue();
  }

  @Test
  void aRolledBackUpdateWithdrawalOrErasureLeavesTheCommittedStartupRanked() throws Exception {
    String needId = openNeed(driverMonitoringNeed());
    UUID id = UUID.randomUUID();
    ApplicationData committed = snapshot(id, 1, "SUBMITTED", 7);
    committed(() -> startupService.apply(UUID.randomUUID().toString(), TOPIC, committed));

    rolledBack(
        () ->
            startupService.apply(
                UUID.randomUUID().toString(), TOPIC, snapshot(id, 2, "SUBMITTED", 3)));
    rolledBack(
        () ->
            startupService.apply(
                UUID.randomUUID().toString(), TOPIC, snapshot(id, 2, "WITHDRAWN", 7)));
    rolledBack(() -> startupService.erase(UUID.randomUUID().toString(), TOPIC, id, 2));

    assertThat(matcher().startup(id.toString()))
        .isEqualTo(StartupProfile.of(committed).toStartup());
    assertThat(ranked(needId, id)).isTrue();
  }

  @Test
  void aNeedOpenedOrClosedInARolledBackTransactionLeavesTheIndexAsTheDatabase() throws Exception {
    ApplicationData startup = snapshot(UUID.randomUUID(), 1, "SUBMITTED", 7);
    committed(() -> startupService.apply(UUID.randomUUID().toString(), TOPIC, startup));
    NeedSpec spec = JSON.convertValue(driverMonitoringNeed(), NeedSpec.class);
    int indexed = matcher().needCount();
    AtomicReference<UUID> opened = new AtomicReference<>();

    asAdmin(() -> rolledBack(() -> opened.set(needService.open(caller, spec).id())));

    assertThat(matcher().need(opened.get().toString())).isNull();
    assertThat(matcher().needCount()).isEqualTo(indexed);
    assertThat(needsRanked(startup)).doesNotContain(opened.get().toString());

    asAdmin(() -> committed(() -> opened.set(needService.open(caller, spec).id())));
    String needId = opened.get().toString();

    assertThat(matcher().need(needId)).isEqualTo(spec.toNeed(needId));
    assertThat(needsRanked(startup)).contains(needId);

    asAdmin(() -> rolledBack(() -> needService.close(caller, UUID.fromString(needId), null)));

    assertThat(matcher().need(needId)).isEqualTo(spec.toNeed(needId));
    assertThat(ranked(needId, startup.id())).isTrue();
  }

  @Test
  void concurrentChangesOfOneNeedLeaveTheIndexAsTheDatabase() throws Exception {
    String needId = openNeed(driverMonitoringNeed());
    int writers = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        Map<String, Object> change = driverMonitoringNeed();
        statuses.add(
            pool.submit(
                () -> {
                  start.await();
                  return as("bu-staff", UNIT)
                      .header("If-Match", "\"1\"")
                      .body(change)
                      .put("/api/v1/needs/" + needId)
                      .statusCode();
                }));
      }
      start.countDown();
      List<Integer> answered = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        answered.add(status.get());
      }

      assertThat(answered).containsOnly(200, 412).containsOnlyOnce(200);
    } finally {
      pool.shutdownNow();
    }
    String title =
        as("bu-staff", UNIT)
            .get("/api/v1/needs/" + needId)
            .then()
            .statusCode(200)
            .extract()
            .path("title");
    assertThat(matcher().need(needId).title()).isEqualTo(title);
  }

  Matcher matcher() {
    return holder.matcher();
  }

  static ApplicationData snapshot(UUID id, int version, String status, int trl) {
    return JSON.convertValue(
        chineseDriverMonitoringStartup(id, version, status, trl), ApplicationData.class);
  }

  static void rolledBack(Runnable change) {
    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          change.run();
                          throw new IllegalStateException(FAILURE);
                        }))
        .hasMessage(FAILURE);
  }

  static void committed(Runnable change) {
    QuarkusTransaction.requiringNew().run(change);
  }

  /** Runs {@code work} in a request of an admin, as the REST layer would call the service. */
  void asAdmin(Runnable work) throws Exception {
    ManagedContext request = Arc.container().requestContext();
    boolean activated = !request.isActive();
    if (activated) {
      request.activate();
    }
    try {
      JsonWebToken token = tokens.parse(TestTokens.forRole("admin", "ops"));
      identities.setIdentity(
          QuarkusSecurityIdentity.builder()
              .setPrincipal(token)
              .addRoles(token.getGroups())
              .build());
      work.run();
    } finally {
      if (activated) {
        request.terminate();
      }
    }
  }

  /** The open needs the matcher ranks for this startup. */
  List<String> needsRanked(ApplicationData startup) {
    return matcher().rankNeeds(StartupProfile.of(startup).toStartup(), 1000).stream()
        .map(MatchResult::needId)
        .toList();
  }

  static boolean ranked(String needId, UUID startupId) {
    List<String> ids =
        as("bu-staff", UNIT)
            .get("/api/v1/needs/" + needId + "/matches?limit=100")
            .then()
            .statusCode(200)
            .extract()
            .path("items.applicationId");
    return ids.contains(startupId.toString());
  }
}
