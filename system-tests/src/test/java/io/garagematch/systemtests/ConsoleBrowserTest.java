package io.garagematch.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.garagematch.infra.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real headless Chromium, over the packaged services: a business unit's staff
 * member signs in locally, opens a need, sees ranked startups by name, shortlists one, accepts it,
 * starts a pilot with its data, finds it on the pilot board and in the programme's KPIs, reads the
 * explanation in German and in Chinese; an expert of another unit cannot open the need.
 *
 * <p>Screenshots of the main screens land in {@code target/console-screenshots}; with {@code
 * -Dconsole.screenshots.write=true} also in {@code docs/console/}.
 */
@ExtendWith(RunningServices.class)
class ConsoleBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "console-screenshots");

  static ServiceProcess applications;
  static ServiceProcess matching;
  static ServiceProcess notifications;
  static ServiceProcess console;
  static WebDriver browser;
  static Path profile;

  @BeforeAll
  static void start(RunningServices.Services services) throws IOException {
    if (!Files.exists(CHROMIUM) || !Files.exists(CHROMEDRIVER)) {
      // Debian's packages, as .ci/run installs them: a fresh machine needs nothing by hand
      Process install = new ProcessBuilder("bash", "../.ci/browser").inheritIO().start();
      try {
        install.waitFor(10, java.util.concurrent.TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    assertThat(CHROMIUM)
        .as(
            "the browser tests need Debian's chromium, chromium-driver, fonts-noto-cjk (.ci/browser)")
        .exists();
    assertThat(CHROMEDRIVER).exists();
    applications = services.applications();
    matching = services.matching();
    notifications = services.notifications();
    Path keys = Files.createDirectories(Path.of("target", "console-jwt"));
    TestTokens.writeKeyPair(keys);
    console =
        ServiceProcess.start(
            "console",
            Map.of(
                "APPLICATIONS_URL", applications.url(),
                "MATCHING_URL", matching.url(),
                "NOTIFICATIONS_URL", notifications.url(),
                "CONSOLE_SIGN_IN", "local",
                "CONSOLE_LOCAL_SIGNING_KEY",
                    keys.resolve("private.pem").toAbsolutePath().toString(),
                "LOG_JSON", "false"));
    profile = Files.createTempDirectory("console-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-US",
        "--window-size=1366,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    ChromeDriverService driver =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(driver, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (console != null) {
      console.close();
    }
  }

  @Test
  void staffReviewShortlistAndStartAPilotThenReadWhyInGermanAndChinese() throws Exception {
    String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    String unit = "BU-CONSOLE-" + suffix.toUpperCase(Locale.ROOT);
    String otherUnit = "BU-ELSEWHERE-" + suffix.toUpperCase(Locale.ROOT);
    String country = randomCountry();
    String expert = createExpert("Lena Vogt", unit, "de");
    String otherExpert = createExpert("Chen Jing", otherUnit, "zh");
    String needTitle = "Battery state of health diagnostics for our electric fleet " + suffix;
    String needId = createNeed(unit, needTitle, country);
    String startupName = "Zellblick Diagnostik " + suffix;
    String applicationId = submitStartup(startupName, country, 6);
    String matchId = awaitMatch(needId, applicationId);
    String secondName = "Akkulupe Analytics " + suffix;
    String secondMatch = awaitMatch(needId, submitStartup(secondName, country, 7));
    String immatureName = "Frühzelle Labor " + suffix;
    String immature = submitStartup(immatureName, country, 2);
    awaitCandidate(needId, immature);

    // sign in locally as the unit's staff; the page we asked for comes after sign-in
    open("/needs");
    waitFor(By.id("sign-in"));
    assertThat(browser.getCurrentUrl()).contains("/sign-in");
    assertThat(text(By.cssSelector(".local-banner"))).contains("Local sign-in");
    browser.findElement(By.cssSelector("input[value='bu-staff:" + unit + "']")).click();
    browser.findElement(By.id("sign-in")).click();
    waitFor(By.linkText(needTitle));
    shot("needs");

    browser.findElement(By.linkText(needTitle)).click();
    WebElement row = waitFor(By.cssSelector("li.ranked[data-match='" + matchId + "']"));
    assertThat(row.getText()).contains(startupName).contains(country);
    assertThat(row.findElement(By.cssSelector(".score")).getText()).endsWith("%");
    shot("ranking");

    // edit the need (If-Match from the page), and a stale edit is refused with the service's words
    browser.findElement(By.linkText("Edit")).click();
    WebElement title = waitFor(By.id("f-title"));
    title.clear();
    title.sendKeys(needTitle + " (fleet)");
    browser.findElement(By.cssSelector("#edit-need button[type='submit']")).click();
    assertThat(text(By.cssSelector("h1"))).isEqualTo(needTitle + " (fleet)");
    browser.findElement(By.linkText("Edit")).click();
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.querySelector('#edit-need input[name=etag]').value = '\"1\"'");
    browser.findElement(By.cssSelector("#edit-need button[type='submit']")).click();
    assertThat(text(By.cssSelector(".problem"))).containsIgnoringCase("changed");
    open("/needs/" + needId);

    // two startups side by side, and why the immature one is not in the ranking
    waitFor(By.cssSelector("input[name='match'][value='" + matchId + "']")).click();
    browser.findElement(By.cssSelector("input[name='match'][value='" + secondMatch + "']")).click();
    browser.findElement(By.id("compare-selected")).click();
    assertThat(
            waitFor(By.cssSelector(".compare-grid")).findElements(By.cssSelector(".compare-col")))
        .hasSize(2);
    assertThat(text(By.cssSelector(".compare-grid"))).contains(startupName).contains(secondName);
    shot("compare");
    open("/needs/" + needId);
    assertThat(browser.getPageSource()).doesNotContain(immatureName);
    waitFor(By.id("q-app")).sendKeys(immature);
    browser.findElement(By.id("explain")).click();
    assertThat(text(By.id("verdict"))).contains("Filtered out by a hard filter");
    assertThat(text(By.cssSelector(".checks .fail"))).contains("Lowest TRL");
    open("/needs/" + needId);
    row = waitFor(By.cssSelector("li.ranked[data-match='" + matchId + "']"));

    // one click: shortlist, back on the ranking
    row.findElement(By.cssSelector("button.shortlist")).click();
    row = waitFor(By.cssSelector("li.ranked[data-match='" + matchId + "']"));
    assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("Shortlisted");

    // accept, then start a pilot with its data
    row.findElement(By.linkText(startupName)).click();
    waitFor(By.id("decide-ACCEPTED")).click();
    waitFor(By.id("pilot-form"));
    assertThat(text(By.id("match-status"))).isEqualTo("Accepted");
    browser
        .findElement(By.id("p-criteria"))
        .sendKeys("Predicts state of health within 2 % on 50 vehicles\nReport every month");
    browser.findElement(By.id("p-amount")).sendKeys("80000");
    setDate(By.id("p-start"), LocalDate.now());
    browser.findElement(By.id("decide-PILOT_STARTED")).click();
    waitFor(By.id("pilot"));
    assertThat(text(By.id("match-status"))).isEqualTo("Pilot running");
    assertThat(text(By.id("pilot"))).contains("Predicts state of health").contains("80000");
    assertThat(text(By.id("history")))
        .contains("Shortlist")
        .contains("Accept")
        .contains("Start the pilot");
    shot("match");

    // the pilot board shows it running; the programme's KPIs for the unit count the pilot
    open("/board");
    WebElement running = waitFor(By.cssSelector("section[aria-labelledby='col-PILOT_STARTED']"));
    assertThat(running.getText()).contains(startupName);
    shot("board");
    open("/program?businessUnit=" + unit);
    waitFor(By.cssSelector("#charts[data-drawn='true']"));
    assertThat(text(By.cssSelector("tr[data-kpi='pilotsStarted'] .kpi-value"))).isEqualTo("1");
    assertThat(text(By.cssSelector("tr[data-kpi='technicalProjects'] .kpi-value"))).isEqualTo("1");
    shot("program");

    // the same session outside the browser: the KPIs as CSV, and a form from another site refused
    String session = "gm_session=" + browser.manage().getCookieNamed("gm_session").getValue();
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<String> csv =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(console.url() + "/program/kpis.csv?businessUnit=" + unit))
                .header("Cookie", session)
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains(".csv");
    List<String> rows = csv.body().lines().toList();
    assertThat(rows.get(0)).startsWith("month,").contains("pilotsStarted");
    int column = List.of(rows.get(0).split(",")).indexOf("pilotsStarted");
    String total = rows.stream().filter(r -> r.startsWith("total,")).findFirst().orElseThrow();
    assertThat(total.split(",")[column]).isEqualTo("1");
    java.net.http.HttpResponse<String> crossSite =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(console.url() + "/matches/" + matchId + "/decisions"))
                .header("Cookie", session)
                .header("Origin", "https://elsewhere.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("decision=REJECTED"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(crossSite.body()).isEqualTo("cross-site form refused");

    // the explanation in German, then in Chinese: the console's words and the concepts' labels
    JsonNode concept = firstConcept(matchId);
    open("/matches/" + matchId);
    waitFor(By.cssSelector("button[value='de']")).click();
    waitFor(By.cssSelector("html[lang='de']"));
    Properties de = texts("de");
    assertThat(text(By.cssSelector(".explain"))).contains(de.getProperty("component_concepts"));
    assertThat(text(By.cssSelector(".explain td.concept")))
        .startsWith(concept.path("labels").path("de").asText());
    shot("match-de");
    browser.findElement(By.cssSelector("button[value='zh']")).click();
    waitFor(By.cssSelector("html[lang='zh']"));
    Properties zh = texts("zh");
    assertThat(text(By.cssSelector(".explain"))).contains(zh.getProperty("component_concepts"));
    assertThat(text(By.cssSelector(".explain td.concept")))
        .startsWith(concept.path("labels").path("zh").asText());
    assertThat(text(By.id("match-status"))).isEqualTo(zh.getProperty("status_PILOT_STARTED"));
    shot("match-zh");
    browser.findElement(By.cssSelector("button[value='en']")).click();
    waitFor(By.cssSelector("html[lang='en']"));
    // the German startup's words the English need reached only through the dictionary, named so
    List<String> viaDictionary = viaDictionary(matchId);
    assertThat(viaDictionary).as("words translated via dictionary").isNotEmpty();
    assertThat(text(By.cssSelector(".explain")))
        .contains(texts("en").getProperty("via_dictionary"))
        .contains(viaDictionary.get(0));

    // the unit's expert: the inbox follows the live stream, a new proposal arrives unreloaded
    signInAs("expert:" + expert);
    open("/inbox");
    int unread = Integer.parseInt(text(By.id("unread-count")));
    String lateName = "Zellpuls Monitoring " + suffix;
    submitStartup(lateName, country, 6);
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox-items"), lateName));
    assertThat(Integer.parseInt(text(By.id("unread-count")))).isGreaterThan(unread);
    assertThat(text(By.id("unread"))).isEqualTo(text(By.id("unread-count")));
    shot("inbox");

    // an expert of another unit: the need is not theirs, in the console as in the API
    browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
    waitFor(By.id("sign-in"));
    browser.findElement(By.cssSelector("input[value='expert:" + otherExpert + "']")).click();
    browser.findElement(By.id("sign-in")).click();
    waitFor(By.id("who"));
    open("/needs/" + needId);
    assertThat(text(By.cssSelector("h1"))).isEqualTo("This page is not yours to see");
    assertThat(browser.getPageSource()).doesNotContain(startupName);
    int status =
        Http.send(
                "GET",
                matching.url() + "/api/v1/needs/" + needId,
                TestTokens.forExpert(otherExpert, otherUnit),
                null,
                null,
                null)
            .status();
    assertThat(status).isIn(403, 404);
  }

  private static void signInAs(String identity) {
    browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
    waitFor(By.id("sign-in"));
    browser.findElement(By.cssSelector("input[value='" + identity + "']")).click();
    browser.findElement(By.id("sign-in")).click();
    waitFor(By.id("who"));
  }

  private static void open(String path) {
    browser.get(console.url() + path);
  }

  private static WebElement waitFor(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static String text(By by) {
    return waitFor(by).getText().trim();
  }

  /** Types a date the way the browser's date field takes it from the keyboard. */
  private static void setDate(By by, LocalDate date) {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].value = arguments[1]", waitFor(by), date.toString());
  }

  private static void shot(String name) throws IOException {
    Path file = SHOTS.resolve(name + ".png");
    // the whole page, not only what the window shows
    Object height =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollHeight");
    org.openqa.selenium.Dimension window = browser.manage().window().getSize();
    browser
        .manage()
        .window()
        .setSize(
            new org.openqa.selenium.Dimension(
                window.getWidth(), Math.min(4000, ((Number) height).intValue() + 120)));
    Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(window);
    if (Boolean.getBoolean("console.screenshots.write")) {
      Path docs = Files.createDirectories(Path.of("..", "docs", "console"));
      Files.copy(file, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Properties texts(String language) throws IOException {
    Properties p = new Properties();
    Path file =
        Path.of("..", "console", "src", "main", "resources", "texts", language + ".properties");
    try (InputStream in = Files.newInputStream(file)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static String randomCountry() {
    // a rarely used country: few other startups share the need's region
    List<String> codes =
        java.util.Arrays.stream(Locale.getISOCountries())
            .filter(c -> !List.of("CN", "DE", "US", "GB", "FR", "JP").contains(c))
            .toList();
    return codes.get(ThreadLocalRandom.current().nextInt(codes.size()));
  }

  private static String createExpert(String name, String unit, String language) {
    Http.Reply reply =
        Http.send(
            "POST",
            notifications.url() + "/api/v1/experts",
            TestTokens.forRole("admin", "admin"),
            Map.of(
                "name",
                name,
                "email",
                name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com",
                "businessUnit",
                unit,
                "innovationFields",
                List.of("ELECTRIFICATION"),
                "language",
                language,
                "channels",
                List.of("IN_APP"),
                "minScore",
                0.1,
                "delivery",
                "IMMEDIATE",
                "timeZone",
                "Europe/Berlin",
                "maxOpenReviews",
                10),
            null,
            null);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.id();
  }

  private static String createNeed(String unit, String title, String country) {
    Http.Reply reply =
        Http.send(
            "POST",
            matching.url() + "/api/v1/needs",
            TestTokens.forRole("bu-staff", unit),
            Map.of(
                "businessUnit",
                unit,
                "language",
                "en",
                "title",
                title,
                "problemStatement",
                "Our electric fleet needs battery diagnostics: state of health estimation,"
                    + " battery ageing and remaining useful life from the battery management"
                    + " system's cell monitoring data.",
                "keywords",
                List.of("state of health", "battery diagnostics"),
                "innovationFields",
                List.of("ELECTRIFICATION"),
                "minTrl",
                4,
                "regions",
                List.of(country),
                "matchThreshold",
                0.2),
            null,
            null);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.id();
  }

  private static String submitStartup(String name, String country, int trl) {
    Http.Reply reply =
        Http.send(
            "POST",
            applications.url() + "/api/v1/applications",
            TestTokens.forRole("partner", "acme-incubator"),
            Map.of(
                "name",
                name,
                "country",
                country,
                "language",
                "de",
                "pitch",
                "Batteriediagnose aus der Cloud: wir bestimmen den Gesundheitszustand und die"
                    + " Restlebensdauer jeder Fahrzeugbatterie.",
                "description",
                "Unsere Software liest die Zellüberwachung des Batteriemanagementsystems und"
                    + " schätzt Alterungszustand und Kapazitätsverlust für Elektroflotten.",
                "technologies",
                List.of("Batteriediagnose", "Alterungszustand"),
                "innovationFields",
                List.of("ELECTRIFICATION"),
                "trl",
                trl,
                "fundingStage",
                "SEED",
                "contact",
                Map.of("name", "Jana Roth", "email", "jana.roth@zellblick.example.de")),
            null,
            null);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.id();
  }

  private static String awaitMatch(String needId, String applicationId) {
    String[] matchId = new String[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode matches =
                  Http.send(
                          "GET",
                          matching.url() + "/api/v1/applications/" + applicationId + "/matches",
                          TestTokens.forRole("admin", "admin"),
                          null,
                          null,
                          null)
                      .json();
              JsonNode match = null;
              for (JsonNode m : matches.path("items")) {
                if (needId.equals(m.path("needId").asText())) {
                  match = m;
                }
              }
              assertThat(match).as("a proposed match of the need: " + matches).isNotNull();
              matchId[0] = match.path("id").asText();
            });
    return matchId[0];
  }

  /** Waits until matching knows the startup (it may be in no ranking). */
  private static void awaitCandidate(String needId, String applicationId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                Http.send(
                            "GET",
                            matching.url()
                                + "/api/v1/needs/"
                                + needId
                                + "/candidates/"
                                + applicationId,
                            TestTokens.forRole("admin", "admin"),
                            null,
                            null,
                            null)
                        .status()
                    == 200);
  }

  private static List<String> viaDictionary(String matchId) {
    List<String> words = new ArrayList<>();
    evidence(matchId, "text").path("viaDictionary").forEach(w -> words.add(w.asText()));
    return words;
  }

  /** The evidence of one component of the match's breakdown, as the API gives it. */
  private static JsonNode evidence(String matchId, String component) {
    JsonNode match =
        Http.send(
                "GET",
                matching.url() + "/api/v1/matches/" + matchId,
                TestTokens.forRole("admin", "admin"),
                null,
                null,
                null)
            .json();
    for (JsonNode c : match.path("breakdown")) {
      if (component.equals(c.path("component").asText())) {
        return c.path("evidence");
      }
    }
    throw new AssertionError("no " + component + " component in " + match);
  }

  private static JsonNode firstConcept(String matchId) {
    JsonNode first = evidence(matchId, "concepts").path("matched").path(0);
    assertThat(first.path("labels").path("de").asText()).as(first.toString()).isNotBlank();
    return first;
  }
}
