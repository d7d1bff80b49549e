package io.garagematch.matching.domain;

import static io.garagematch.contracts.taxonomy.InnovationField.MANUFACTURING;
import static io.garagematch.contracts.taxonomy.InnovationField.NEXT_GEN_VEHICLES;
import static io.garagematch.contracts.taxonomy.Language.DE;
import static io.garagematch.contracts.taxonomy.Language.EN;
import static io.garagematch.contracts.taxonomy.Language.ZH;
import static org.assertj.core.api.Assertions.assertThat;

import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Matching where the thesaurus has no concept: German texts meet through the parts of their
 * compounds, and English needs reach Chinese startups through a dictionary. Each pair shares no
 * concept, among neighbours that share generic words with it.
 */
class BeyondTheThesaurusTest {

  private static Matcher matcher;

  private static final Need COOLANT =
      need(
          "n-coolant",
          DE,
          "Kühlschmierstoffaufbereitung in der Zerspanung",
          "Unsere Zerspanung verbraucht zu viel Emulsion. Wir suchen eine Kühlschmierstoffaufbereitung"
              + " direkt an der Maschine, damit die Standzeit der Emulsion steigt.",
          MANUFACTURING);

  private static final Startup COOLANT_STARTUP =
      startup(
          "s-coolant",
          DE,
          "Wir bereiten Kühlschmierstoffe an jeder Werkzeugmaschine auf: Filter und Sensoren halten"
              + " die Emulsion sauber, die Standzeit verdreifacht sich.",
          MANUFACTURING);

  private static final Need HAIL =
      need(
          "n-hail",
          EN,
          "Protect parked cars from hail",
          "Hailstorms damage hundreds of new cars on our yards every summer. We want an early"
              + " warning and a quick way to cover them before the hail arrives.",
          NEXT_GEN_VEHICLES);

  private static final Startup HAIL_STARTUP =
      startup("s-hail", ZH, "我们提供冰雹预警服务，在冰雹来临前三十分钟通知停车场，并自动展开防护罩，减少车身凹陷。", NEXT_GEN_VEHICLES);

  /** Neighbours: the same languages and fields, generic words shared, another problem each. */
  private static final List<Startup> OTHERS =
      List.of(
          startup(
              "s-de-1",
              DE,
              "Wir optimieren die Maschine in der Zerspanung mit Sensoren für den Werkzeugverschleiß.",
              MANUFACTURING),
          startup(
              "s-de-2",
              DE,
              "Unsere Software plant die Wartung jeder Werkzeugmaschine und senkt Stillstände.",
              MANUFACTURING),
          startup(
              "s-de-3",
              DE,
              "Wir messen den Energieverbrauch der Maschinen im Werk und zeigen Einsparungen.",
              MANUFACTURING),
          startup(
              "s-de-4",
              DE,
              "Automatische Sichtprüfung lackierter Karosserien mit Kameras direkt am Band.",
              MANUFACTURING),
          startup("s-zh-1", ZH, "我们为新车停车场提供智能停车管理系统，提高车位利用率。", NEXT_GEN_VEHICLES),
          startup("s-zh-2", ZH, "为车队提供天气数据和路线规划服务，减少延误。", NEXT_GEN_VEHICLES),
          startup("s-zh-3", ZH, "我们生产汽车车身防护膜，防止划痕和石子损伤。", NEXT_GEN_VEHICLES),
          startup("s-zh-4", ZH, "新车交付前的车身检测，自动发现凹陷和划痕。", NEXT_GEN_VEHICLES),
          startup(
              "s-en-1",
              EN,
              "We cover car parks with solar roofs and charge parked cars.",
              NEXT_GEN_VEHICLES));

  private static final List<Need> OTHER_NEEDS =
      List.of(
          need(
              "n-energy",
              DE,
              "Energieverbrauch im Werk senken",
              "Wir wollen den Energieverbrauch der Maschinen im Werk messen.",
              MANUFACTURING),
          need(
              "n-parking",
              EN,
              "Smarter parking on our yards",
              "Our yards run out of parking spaces for new cars.",
              NEXT_GEN_VEHICLES),
          need(
              "n-scratches",
              EN,
              "Find scratches on new cars before delivery",
              "Scratches and dents found by customers cost us.",
              NEXT_GEN_VEHICLES));

  @BeforeAll
  static void index() throws IOException {
    matcher = new Matcher(Thesaurus.load(null));
    matcher.putStartup(COOLANT_STARTUP);
    matcher.putStartup(HAIL_STARTUP);
    matcher.putStartups(OTHERS);
    matcher.putNeed(COOLANT);
    matcher.putNeed(HAIL);
    matcher.putNeeds(OTHER_NEEDS);
  }

  @AfterAll
  static void close() {
    matcher.close();
  }

  @Test
  void germanTextsSharingOnlyTheWordsOfACompoundRankEachOtherInTheTopThree() {
    MatchResult pair = matcher.score(COOLANT.id(), COOLANT_STARTUP.id());
    assertThat(concepts(pair)).as("no concept shared").isEmpty();
    assertThat(textTerms(pair, "terms"))
        .as("found through the compound's parts")
        .contains("Kühlschmierstoffe");

    assertThat(startupIds(matcher.rankStartups(COOLANT, 3))).contains(COOLANT_STARTUP.id());
    assertThat(needIds(matcher.rankNeeds(COOLANT_STARTUP, 3))).contains(COOLANT.id());
  }

  @Test
  void anEnglishNeedAndAChineseStartupSharingOnlyDictionaryWordsRankEachOtherInTheTopFive() {
    MatchResult pair = matcher.score(HAIL.id(), HAIL_STARTUP.id());
    assertThat(concepts(pair)).as("no concept shared").isEmpty();
    assertThat(textTerms(pair, "viaDictionary")).as("translated via dictionary").contains("冰雹");

    assertThat(startupIds(matcher.rankStartups(HAIL, 5))).contains(HAIL_STARTUP.id());
    assertThat(needIds(matcher.rankNeeds(HAIL_STARTUP, 5))).contains(HAIL.id());
  }

  @Test
  void withoutTheDictionaryTheChineseStartupSharesNothingWithTheEnglishNeed() throws IOException {
    Thesaurus thesaurus = Thesaurus.load(null);
    Dictionaries empty = Dictionaries.load(emptyDictionaries());
    try (Matcher bare = new Matcher(thesaurus, empty)) {
      MatchResult pair = bare.score(HAIL, HAIL_STARTUP);
      assertThat(textTerms(pair, "terms")).isEmpty();
    }
  }

  /** A directory of four empty word lists: the dictionaries replaced by nothing. */
  private static Path emptyDictionaries() throws IOException {
    Path dir = Files.createTempDirectory("no-dictionaries");
    for (String name : List.of("zh-en", "en-zh", "de-en", "en-de")) {
      try (var out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name + ".tsv.gz")))) {
        out.write(new byte[0]);
      }
    }
    return dir;
  }

  private static List<?> concepts(MatchResult pair) {
    return (List<?>) evidence(pair, "concepts").get("matched");
  }

  @SuppressWarnings("unchecked")
  private static List<String> textTerms(MatchResult pair, String key) {
    return (List<String>) evidence(pair, "text").get(key);
  }

  private static Map<String, Object> evidence(MatchResult pair, String component) {
    return pair.breakdown().stream()
        .filter(c -> c.component().equals(component))
        .findFirst()
        .orElseThrow()
        .evidence();
  }

  private static List<String> startupIds(List<MatchResult> ranked) {
    return ranked.stream().map(MatchResult::startupId).toList();
  }

  private static List<String> needIds(List<MatchResult> ranked) {
    return ranked.stream().map(MatchResult::needId).toList();
  }

  private static Need need(
      String id, Language language, String title, String problem, InnovationField field) {
    return new Need(
        id, language, title, problem, List.of(), Set.of(field), 1, null, null, null, null);
  }

  private static Startup startup(
      String id, Language language, String pitch, InnovationField field) {
    return new Startup(
        id, language, id, pitch, null, List.of(), Set.of(field), 6, FundingStage.SEED, "DE");
  }
}
