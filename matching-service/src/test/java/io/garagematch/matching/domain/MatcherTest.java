package io.garagematch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MatcherTest {

  static Matcher matcher;

  static final Need DRIVER_MONITORING =
      new Need(
          "need-dms",
          Language.EN,
          "Camera-based driver monitoring for fatigue and distraction",
          "Our next cockpit generation for China needs an infrared camera system that detects driver"
              + " drowsiness and distraction in real time, also at night and with sunglasses, and"
              + " warns within 500 ms. Integration into a test fleet in Shanghai within 16 weeks.",
          List.of("driver monitoring", "drowsiness detection", "infrared camera"),
          Set.of(InnovationField.AUTOMATED_DRIVING),
          6,
          null,
          null,
          Set.of("CN"),
          null);

  static final Need SOLID_STATE =
      new Need(
          "need-ssb",
          Language.DE,
          "Festkörperbatterie mit höherer Energiedichte",
          "Für die nächste Generation unserer Hochvoltspeicher suchen wir Festkörperzellen mit mehr"
              + " als 400 Wh/kg, die bei -20 °C noch zuverlässig laden. Ein Musterzellen-Test im"
              + " Batteriezentrum ist innerhalb von sechs Monaten geplant.",
          List.of("Festkörperbatterie", "Energiedichte", "Batteriezelle"),
          Set.of(InnovationField.ELECTRIFICATION),
          4,
          null,
          null,
          null,
          null);

  static final Need NIGHT_FATIGUE =
      new Need(
          "need-zh-fatigue",
          Language.ZH,
          "夜间的驾驶员疲劳检测",
          "我们在新车型上需要基于红外摄像头的驾驶员监测和分心检测，在夜间和佩戴墨镜时也要准确识别。",
          List.of("驾驶员监测", "疲劳检测"),
          Set.of(InnovationField.AUTOMATED_DRIVING),
          6,
          null,
          null,
          null,
          null);

  static final Need SURROUND_SENSORS =
      new Need(
          "need-de-sensors",
          Language.DE,
          "Umfeldsensorik für die nächste Fahrzeuggeneration",
          "Wir suchen einen Umfeldsensor, der Objekte auch bei Nacht sicher erfasst.",
          List.of("Umfeldsensor"),
          Set.of(InnovationField.AUTOMATED_DRIVING),
          4,
          null,
          null,
          null,
          null);

  static Startup startup(
      String id,
      Language language,
      String name,
      String pitch,
      String description,
      List<String> technologies,
      Set<InnovationField> fields,
      int trl,
      String country) {
    return new Startup(
        id,
        language,
        name,
        pitch,
        description,
        technologies,
        fields,
        trl,
        FundingStage.SERIES_A,
        country);
  }

  @BeforeAll
  static void loadStartups() throws Exception {
    matcher = new Matcher(Thesaurus.load(null));
    matcher.putStartup(
        startup(
            "zh-dms",
            Language.ZH,
            "睿眼科技",
            "基于红外摄像头的驾驶员监测系统，实时识别疲劳驾驶和分心驾驶。",
            "我们的算法在夜间和佩戴墨镜时仍能准确检测驾驶员闭眼、打哈欠和视线偏移，报警延迟低于300毫秒，已在两家商用车队量产。",
            List.of("驾驶员监测", "红外摄像头", "疲劳检测"),
            Set.of(InnovationField.ARTIFICIAL_INTELLIGENCE),
            7,
            "CN"));
    matcher.putStartup(
        startup(
            "zh-dms-early",
            Language.ZH,
            "安驾实验室",
            "疲劳驾驶预警的早期原型。",
            "我们在实验室中验证了基于摄像头的疲劳检测算法，尚未上车测试。",
            List.of("疲劳检测"),
            Set.of(InnovationField.AUTOMATED_DRIVING),
            4,
            "CN"));
    matcher.putStartup(
        startup(
            "en-fleet",
            Language.EN,
            "FleetPulse",
            "A telematics dashboard for fleet managers.",
            "FleetPulse collects GPS positions and fuel use of trucks and shows them on a web dashboard with camera snapshots of the cargo area.",
            List.of("telematics", "fleet management"),
            Set.of(InnovationField.IOT),
            8,
            "CN"));
    matcher.putStartup(
        startup(
            "de-lidar",
            Language.DE,
            "Tiefsicht GmbH",
            "Festkörper-Lidar für automatisiertes Fahren.",
            "Unser Lidarsensor erfasst Objekte bis 250 m und liefert eine dichte Punktwolke.",
            List.of("Lidar", "Punktwolke"),
            Set.of(InnovationField.AUTOMATED_DRIVING),
            6,
            "DE"));
    matcher.putStartup(
        startup(
            "en-ssb",
            Language.EN,
            "Ionic Forge",
            "Solid-state battery cells with a sulfide electrolyte for electric vehicles.",
            "Our all-solid-state cells reach 420 Wh/kg and charge at minus 20 degrees Celsius. We ship A-samples to two carmakers.",
            List.of("solid-state battery", "sulfide electrolyte", "battery cell"),
            Set.of(InnovationField.ELECTRIFICATION),
            5,
            "US"));
    matcher.putStartup(
        startup(
            "zh-swap",
            Language.ZH,
            "换电侠",
            "电动两轮车换电柜网络。",
            "我们在城市里运营电动自行车换电站，骑手扫码即可更换电池。",
            List.of("换电", "锂电池"),
            Set.of(InnovationField.ELECTRIFICATION),
            8,
            "CN"));
  }

  @AfterAll
  static void close() {
    matcher.close();
  }

  @Test
  void chineseStartupAnswersAnEnglishNeedAndTheEvidenceNamesTheConcepts() {
    List<MatchResult> ranking = matcher.rankStartups(DRIVER_MONITORING, 10);

    assertThat(ranking).extracting(MatchResult::startupId).first().isEqualTo("zh-dms");
    MatchResult best = ranking.get(0);
    assertThat(concepts(best)).contains("driver-monitoring");
    assertThat(best.breakdown())
        .extracting(MatchResult.ComponentScore::component)
        .containsExactly("fields", "text", "concepts", "trl", "stage", "geo");
    assertThat(best.score()).isBetween(0.5, 1.0);
  }

  @Test
  void englishStartupAnswersAGermanNeed() {
    List<MatchResult> ranking = matcher.rankStartups(SOLID_STATE, 10);

    assertThat(ranking.get(0).startupId()).isEqualTo("en-ssb");
    assertThat(concepts(ranking.get(0))).contains("solid-state-battery");
    assertThat(ranking)
        .filteredOn(r -> List.of("zh-dms", "en-fleet", "de-lidar").contains(r.startupId()))
        .as("none proposed: the solid-state lidar shares only the word Festkörper")
        .allSatisfy(r -> assertThat(r.score()).isLessThan(NeedSpec.DEFAULT_THRESHOLD));
  }

  @Test
  void startupBelowTheMinimumTrlIsNeverRankedAndTheChecksSayWhy() {
    matcher.putNeed(DRIVER_MONITORING);

    assertThat(matcher.rankStartups(DRIVER_MONITORING, 10))
        .extracting(MatchResult::startupId)
        .doesNotContain("zh-dms-early", "de-lidar");
    MatchResult early = matcher.score(DRIVER_MONITORING.id(), "zh-dms-early");
    assertThat(early.passed()).isFalse();
    assertThat(early.hardChecks())
        .contains(new MatchResult.HardCheck("minTrl", false, "TRL 4 < 6"));
    MatchResult german = matcher.score(DRIVER_MONITORING.id(), "de-lidar");
    assertThat(german.hardChecks())
        .contains(new MatchResult.HardCheck("regions", false, "DE is not one of [CN]"));
  }

  @Test
  void aStartupFindsItsNeedsThroughTheIndexWithTheSameScoreAsTheNeedFindsIt() {
    matcher.putNeed(DRIVER_MONITORING);
    matcher.putNeed(SOLID_STATE);
    Startup zhDms = matcher.startup("zh-dms");

    List<MatchResult> needs = matcher.rankNeeds(zhDms, 10);

    assertThat(needs).extracting(MatchResult::needId).first().isEqualTo("need-dms");
    assertThat(needs.get(0).score())
        .isEqualTo(matcher.rankStartups(DRIVER_MONITORING, 1).get(0).score());
  }

  @Test
  void aChangeIsScoredAsGivenWhileTheIndexStillHoldsWhatWasPut() {
    matcher.putNeed(DRIVER_MONITORING);
    Startup zhDms = matcher.startup("zh-dms");
    int startups = matcher.startupCount();
    Startup newcomer = withIdAndTrl(zhDms, "zh-dms-newcomer", zhDms.trl());
    Startup tooEarly = withIdAndTrl(zhDms, zhDms.id(), 4);
    Need stricter = withMinTrl(DRIVER_MONITORING, 8);

    assertThat(matcher.rankNeeds(newcomer, 10))
        .extracting(MatchResult::needId, MatchResult::score)
        .contains(tuple("need-dms", matcher.score(DRIVER_MONITORING.id(), "zh-dms").score()));
    assertThat(matcher.rankNeeds(tooEarly, 10))
        .extracting(MatchResult::needId)
        .doesNotContain("need-dms");
    assertThat(matcher.score(DRIVER_MONITORING, tooEarly).passed()).isFalse();
    assertThat(matcher.score(stricter, zhDms).passed()).isFalse();
    assertThat(matcher.startup("zh-dms")).isEqualTo(zhDms);
    assertThat(matcher.startup("zh-dms-newcomer")).isNull();
    assertThat(matcher.startupCount()).isEqualTo(startups);
    assertThat(matcher.need("need-dms")).isEqualTo(DRIVER_MONITORING);
  }

  static Startup withIdAndTrl(Startup s, String id, int trl) {
    return new Startup(
        id,
        s.language(),
        s.name(),
        s.pitch(),
        s.description(),
        s.technologies(),
        s.innovationFields(),
        trl,
        s.fundingStage(),
        s.country());
  }

  static Need withMinTrl(Need n, int minTrl) {
    return new Need(
        n.id(),
        n.language(),
        n.title(),
        n.problemStatement(),
        n.keywords(),
        n.innovationFields(),
        minTrl,
        n.maxTrl(),
        n.fundingStages(),
        n.regions(),
        n.weights());
  }

  @Test
  void indexedRankingEqualsBruteForceOnTheTopResults() {
    List<MatchResult> indexed = matcher.rankStartups(SOLID_STATE, 3);
    List<MatchResult> brute = matcher.rankStartupsBruteForce(SOLID_STATE, 3);

    assertThat(indexed.get(0)).isEqualTo(brute.get(0));
  }

  @Test
  void theExplanationNamesEachConceptInThreeLanguagesAndNoStopWord() {
    MatchResult best = matcher.rankStartups(NIGHT_FATIGUE, 10).get(0);

    assertThat(best.startupId()).isEqualTo("zh-dms");
    assertThat(conceptEvidence(best))
        .filteredOn(e -> e.get("concept").equals("driver-monitoring"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.get("labels"))
                    .isEqualTo(
                        Map.of(
                            "en", "driver monitoring",
                            "de", "Fahrerüberwachung",
                            "zh", "驾驶员监测系统")));
    List<String> terms = textTerms(best);
    assertThat(terms)
        .as("the need's words found in the startup's text")
        .contains("驾驶员", "疲劳", "夜间")
        .doesNotContain("的", "在", "和")
        .noneMatch(StopWords::any);
  }

  @Test
  void aRelatedConceptIsNamedOnBothSides() {
    MatchResult r = matcher.score(SURROUND_SENSORS, matcher.startup("de-lidar"));

    assertThat(conceptEvidence(r))
        .filteredOn(e -> e.get("match").equals("related"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("concept")).isEqualTo("perception-sensor");
              assertThat(e.get("labels"))
                  .isEqualTo(
                      Map.of("en", "perception sensor", "de", "Umfeldsensor", "zh", "感知传感器"));
              assertThat(e.get("startupConcept")).isEqualTo("lidar");
              assertThat(e.get("startupConceptLabels"))
                  .isEqualTo(Map.of("en", "lidar", "de", "Lidar", "zh", "激光雷达"));
            });
  }

  static final Startup BATTERY_DIAGNOSTICS =
      startup(
          "de-zellblick",
          Language.DE,
          "Zellblick GmbH",
          "Batteriediagnose aus der Cloud: wir bestimmen den Gesundheitszustand und die"
              + " Restlebensdauer jeder Fahrzeugbatterie.",
          "Unsere Software liest die Zellüberwachung des Batteriemanagementsystems und schätzt"
              + " Alterungszustand und Kapazitätsverlust für Elektroflotten.",
          List.of("Batteriediagnose", "Alterungszustand"),
          Set.of(InnovationField.ELECTRIFICATION),
          6,
          "DE");

  @Test
  void aGermanStartupsEvidenceNamesItsOwnWordsNotTheirStems() {
    Need need =
        new Need(
            "need-de-diagnostics",
            Language.DE,
            "Batteriediagnose für unsere Elektroflotte",
            "Wir suchen eine Diagnose der Fahrzeugbatterien: Alterung, Restlebensdauer und Zustand"
                + " der Batterien aus den Daten des Batteriemanagements.",
            List.of("Batteriediagnose", "Restlebensdauer"),
            Set.of(InnovationField.ELECTRIFICATION),
            4,
            null,
            null,
            null,
            null);

    MatchResult r = matcher.score(need, BATTERY_DIAGNOSTICS);

    assertThat(textTerms(r))
        .as("the startup's words, the first to yield each matched term")
        .startsWith("Batteriediagnose")
        .contains("Restlebensdauer", "Fahrzeugbatterie")
        .doesNotContain("batteri", "diagnos", "batteriediagnos", "fahrzeugbatteri", "restlebensdau")
        .allSatisfy(w -> assertThat(w).satisfies(inTheTextOf(BATTERY_DIAGNOSTICS)))
        .doesNotHaveDuplicates()
        .hasSizeLessThanOrEqualTo(10);
  }

  @Test
  void anEnglishNeedNamesTheGermanStartupsWordsForItsConcepts() {
    Need need =
        new Need(
            "need-en-diagnostics",
            Language.EN,
            "Battery diagnostics for our electric fleet",
            "Our electric fleet needs battery diagnostics: state of health estimation, battery"
                + " ageing and remaining useful life from the battery management system's cell"
                + " monitoring data.",
            List.of("state of health", "battery diagnostics"),
            Set.of(InnovationField.ELECTRIFICATION),
            4,
            null,
            null,
            null,
            null);

    MatchResult r = matcher.score(need, BATTERY_DIAGNOSTICS);

    assertThat(evidence(r, "text")).containsEntry("translated", true);
    assertThat(textTerms(r))
        .contains("Batteriediagnose", "Alterungszustand", "Restlebensdauer")
        .allSatisfy(w -> assertThat(w).satisfies(inTheTextOf(BATTERY_DIAGNOSTICS)));
  }

  @Test
  void anEnglishStartupsEvidenceNamesItsWordsAsWritten() {
    Need need =
        new Need(
            "need-en-cells",
            Language.EN,
            "Batteries for electric vehicles",
            "We look for battery cells with solid electrolytes for our next electric vehicles,"
                + " charging in the cold.",
            List.of("battery cells"),
            Set.of(InnovationField.ELECTRIFICATION),
            4,
            null,
            null,
            null,
            null);

    MatchResult best = matcher.rankStartups(need, 10).get(0);

    assertThat(best.startupId()).isEqualTo("en-ssb");
    assertThat(textTerms(best))
        .contains("vehicles", "cells", "battery", "electrolyte", "Solid")
        .doesNotContain("vehicl", "cell", "batteri", "electrolyt", "solid")
        .allSatisfy(w -> assertThat(w).satisfies(inTheTextOf(matcher.startup("en-ssb"))))
        .doesNotHaveDuplicates();
    assertThat(matcher.rankStartupsBruteForce(need, 1).get(0))
        .as("the brute-force reference explains the same")
        .isEqualTo(best);
  }

  /** A word of the startup's text: found there, not inside a longer word of letters or digits. */
  static org.assertj.core.api.ThrowingConsumer<String> inTheTextOf(Startup s) {
    return w ->
        assertThat(s.text())
            .containsPattern(
                "(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(w) + "(?![\\p{L}\\p{N}])");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> conceptEvidence(MatchResult r) {
    return (List<Map<String, Object>>) evidence(r, "concepts").get("matched");
  }

  @SuppressWarnings("unchecked")
  static List<String> textTerms(MatchResult r) {
    return (List<String>) evidence(r, "text").get("terms");
  }

  static Map<String, Object> evidence(MatchResult r, String component) {
    return r.breakdown().stream()
        .filter(c -> c.component().equals(component))
        .findFirst()
        .orElseThrow()
        .evidence();
  }

  @SuppressWarnings("unchecked")
  static List<String> concepts(MatchResult r) {
    MatchResult.ComponentScore concepts =
        r.breakdown().stream()
            .filter(c -> c.component().equals("concepts"))
            .findFirst()
            .orElseThrow();
    return ((List<Map<String, Object>>) concepts.evidence().get("matched"))
        .stream().map(m -> (String) m.get("concept")).toList();
  }
}
