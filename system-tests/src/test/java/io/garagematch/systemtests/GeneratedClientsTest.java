package io.garagematch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.garagematch.client.applications.api.ApplicationsApi;
import io.garagematch.client.applications.model.ApplicationProfile;
import io.garagematch.client.applications.model.ApplicationStatus;
import io.garagematch.client.applications.model.ApplicationView;
import io.garagematch.client.applications.model.Contact;
import io.garagematch.client.applications.model.FundingStage;
import io.garagematch.client.matching.api.MatchesApi;
import io.garagematch.client.matching.api.NeedsApi;
import io.garagematch.client.matching.model.Decision;
import io.garagematch.client.matching.model.DecisionInput;
import io.garagematch.client.matching.model.MatchDetail;
import io.garagematch.client.matching.model.MatchView;
import io.garagematch.client.matching.model.Money;
import io.garagematch.client.matching.model.NeedSpec;
import io.garagematch.client.matching.model.NeedView;
import io.garagematch.client.matching.model.Pilot;
import io.garagematch.client.notifications.api.ExpertsApi;
import io.garagematch.client.notifications.api.InboxApi;
import io.garagematch.client.notifications.model.Channel;
import io.garagematch.client.notifications.model.ExpertSpec;
import io.garagematch.client.notifications.model.ExpertView;
import io.garagematch.client.notifications.model.InboxItem;
import io.garagematch.infra.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A partner's view of the contracts: Java clients generated from the checked-in OpenAPI documents
 * (openapi-generator, at build time) run the README's walkthrough against the packaged services. A
 * document that says something the service does not do (a field's type, a status code, a body where
 * there is none) breaks the generated client here.
 */
@ExtendWith(RunningServices.class)
class GeneratedClientsTest {

  static final String UNIT = "R&D Center China – Digital Car";
  static RunningServices.Services services;

  @BeforeAll
  static void services(RunningServices.Services running) {
    services = running;
  }

  @Test
  void theWalkthroughRoundTripsThroughGeneratedClients() throws Exception {
    String admin = TestTokens.forRole("admin", "ops");
    String staff = TestTokens.forRole("bu-staff", UNIT);
    String partner = TestTokens.forRole("partner", "generated-client-partner");

    // a partner submits a startup, reads it back and changes it under If-Match
    ApplicationsApi applications = new ApplicationsApi(applicationsClient(partner));
    String name = "Kryo Cells " + UUID.randomUUID().toString().substring(0, 8);
    ApplicationView submitted =
        applications.submitApplication(
            new ApplicationProfile()
                .name(name)
                .website("https://kryo-cells.example.de")
                .country("DE")
                .city("Dresden")
                .language(io.garagematch.client.applications.model.Language.DE)
                .pitch("Festkörperbatterien für Elektrofahrzeuge")
                .innovationFields(
                    List.of(
                        io.garagematch.client.applications.model.InnovationField.ELECTRIFICATION))
                .trl(5)
                .fundingStage(FundingStage.SEED)
                .contact(new Contact().name("Jonas Keller").email("jonas@kryo-cells.example.de")),
            "generated-" + UUID.randomUUID());
    assertThat(submitted.getId()).isNotNull();
    assertThat(submitted.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
    assertThat(submitted.getVersion()).isEqualTo(1);

    var read = applications.getApplicationWithHttpInfo(submitted.getId());
    assertThat(read.getData().getName()).isEqualTo(name);
    String etag = read.getHeaders().get("etag").get(0);
    ApplicationView updated =
        applications.updateApplication(
            submitted.getId(),
            profileOf(read.getData()).technologies(List.of("solid-state electrolyte")),
            etag);
    assertThat(updated.getVersion()).isEqualTo(2);
    assertThat(updated.getTechnologies()).containsExactly("solid-state electrolyte");
    assertThatThrownBy(
            () ->
                applications.updateApplication(
                    submitted.getId(), profileOf(updated), etag /* stale */))
        .isInstanceOfSatisfying(
            io.garagematch.client.applications.ApiException.class,
            e -> assertThat(e.getCode()).isEqualTo(412));
    assertThat(applications.historyApplication(submitted.getId()).getItems()).hasSize(2);
    assertThat(applications.listApplication(null, 50, null, null).getItems())
        .extracting(ApplicationView::getId)
        .contains(submitted.getId());

    // an expert of the unit, to be alerted and to own the pilot
    ExpertView expert =
        new ExpertsApi(notificationsClient(admin))
            .createExpert(
                new ExpertSpec()
                    .name("Wang Fang")
                    .email("wang.fang." + UUID.randomUUID() + "@example.com")
                    .businessUnit(UNIT)
                    .language(io.garagematch.client.notifications.model.Language.ZH)
                    .channels(Set.of(Channel.IN_APP))
                    .timeZone("Asia/Shanghai"));
    assertThat(expert.getId()).isNotNull();

    // business-unit staff open a need; the startup is matched to it
    NeedView need =
        new NeedsApi(matchingClient(staff))
            .openNeed(
                new NeedSpec()
                    .businessUnit(UNIT)
                    .language(io.garagematch.client.matching.model.Language.EN)
                    .title("Solid-state battery cells")
                    .problemStatement(
                        "Solid-state cells above 400 Wh/kg for our next high-voltage storage.")
                    .keywords(List.of("solid-state battery", "energy density"))
                    .innovationFields(
                        Set.of(
                            io.garagematch.client.matching.model.InnovationField.ELECTRIFICATION))
                    .minTrl(4));
    assertThat(new NeedsApi(matchingClient(staff)).getNeed(need.getId()).getTitle())
        .isEqualTo(need.getTitle());

    MatchesApi matches = new MatchesApi(matchingClient(staff));
    MatchView match =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    new MatchesApi(matchingClient(admin))
                        .listApplicationMatches(submitted.getId()).getItems().stream()
                            .filter(m -> need.getId().equals(m.getNeedId()))
                            .findFirst()
                            .orElse(null),
                m -> m != null);
    assertThat(match.getScore()).isBetween(0.0, 1.0);

    // the expert is alerted in the inbox
    InboxApi inbox =
        new InboxApi(notificationsClient(TestTokens.forExpert(expert.getId().toString(), UNIT)));
    InboxItem alert =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    inbox.listInbox(expert.getId(), null, 50, null).getItems().stream()
                        .filter(i -> match.getId().equals(i.getMatchId()))
                        .findFirst()
                        .orElse(null),
                i -> i != null);
    assertThat(inbox.markRead(expert.getId(), alert.getId()).getRead()).isTrue();

    // the unit decides and starts a paid pilot owned by the expert
    MatchDetail accepted =
        matches.decideMatch(match.getId(), new DecisionInput().decision(Decision.ACCEPTED), null);
    assertThat(accepted.getStatus()).isEqualTo("ACCEPTED");
    MatchDetail piloting =
        matches.decideMatch(
            match.getId(),
            new DecisionInput()
                .decision(Decision.PILOT_STARTED)
                .pilot(
                    new Pilot()
                        .successCriteria(List.of("400 Wh/kg in the lab"))
                        .budget(new Money().amount(new BigDecimal("150000")).currency("EUR"))
                        .startDate(LocalDate.now().plusDays(1))
                        .ownerExpertId(expert.getId())),
            null);
    assertThat(piloting.getStatus()).isEqualTo("PILOT_STARTED");
    assertThat(piloting.getPilot().getOwnerExpertId()).isEqualTo(expert.getId());
    assertThat(piloting.getPilot().getPlannedEndDate()).isNotNull();
    assertThat(matches.getMatch(match.getId()).getVersion()).isEqualTo(piloting.getVersion());

    // the partner withdraws the startup
    assertThat(applications.withdrawApplication(submitted.getId()).getStatus())
        .isEqualTo(ApplicationStatus.WITHDRAWN);
  }

  private static ApplicationProfile profileOf(ApplicationView view) {
    return new ApplicationProfile()
        .name(view.getName())
        .website(view.getWebsite())
        .country(view.getCountry())
        .city(view.getCity())
        .language(view.getLanguage())
        .pitch(view.getPitch())
        .innovationFields(view.getInnovationFields())
        .trl(view.getTrl())
        .fundingStage(view.getFundingStage())
        .technologies(view.getTechnologies())
        .contact(view.getContact());
  }

  private static io.garagematch.client.applications.ApiClient applicationsClient(String token) {
    var client = new io.garagematch.client.applications.ApiClient();
    client.updateBaseUri(services.applications().url());
    client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    return client;
  }

  private static io.garagematch.client.matching.ApiClient matchingClient(String token) {
    var client = new io.garagematch.client.matching.ApiClient();
    client.updateBaseUri(services.matching().url());
    client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    return client;
  }

  private static io.garagematch.client.notifications.ApiClient notificationsClient(String token) {
    var client = new io.garagematch.client.notifications.ApiClient();
    client.updateBaseUri(services.notifications().url());
    client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    return client;
  }
}
