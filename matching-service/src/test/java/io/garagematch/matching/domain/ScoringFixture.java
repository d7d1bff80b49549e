package io.garagematch.matching.domain;

import static io.garagematch.contracts.taxonomy.InnovationField.ARTIFICIAL_INTELLIGENCE;
import static io.garagematch.contracts.taxonomy.InnovationField.ELECTRIFICATION;
import static io.garagematch.contracts.taxonomy.InnovationField.IOT;
import static io.garagematch.contracts.taxonomy.Language.DE;
import static io.garagematch.contracts.taxonomy.Language.EN;
import static io.garagematch.contracts.taxonomy.Language.ZH;
import static org.assertj.core.api.Assertions.assertThat;

import io.garagematch.contracts.taxonomy.FundingStage;
import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.contracts.taxonomy.Language;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A small corpus for the scoring tests: a thesaurus of five concepts and a few startups, analysed
 * and indexed as the matcher does it. A test class registers it as an extension, which closes it
 * after the class's tests.
 */
final class ScoringFixture implements AutoCloseable, AfterAllCallback {

  static final String THESAURUS =
      """
      concept battery
        fields ELECTRIFICATION
        en battery
        de Batterie
        zh 电池

      concept solid-state-battery
        fields ELECTRIFICATION
        broader battery
        en solid-state battery
        de Festkörperbatterie
        zh 固态电池

      concept perception-sensor
        fields AUTOMATED_DRIVING
        en perception sensor
        de Umfeldsensor
        zh 感知传感器

      concept lidar
        fields AUTOMATED_DRIVING
        broader perception-sensor
        en lidar
        de Lidar
        zh 激光雷达

      concept driver-monitoring
        fields AUTOMATED_DRIVING, ARTIFICIAL_INTELLIGENCE
        en driver monitoring
        de Fahrerüberwachung
        zh 驾驶员监测
      """;

  static final List<Startup> CORPUS =
      List.of(
          startup(
              "en-ssb",
              EN,
              ELECTRIFICATION,
              "Solid-state battery cells with a sulfide electrolyte."),
          startup(
              "de-lidar", DE, IOT, "Unser Lidar erfasst Objekte bis 250 m als dichte Punktwolke."),
          startup("zh-dms", ZH, ARTIFICIAL_INTELLIGENCE, "基于红外摄像头的驾驶员监测系统，实时识别疲劳驾驶。"),
          startup(
              "en-fleet",
              EN,
              IOT,
              "A telematics dashboard for fleet managers with camera snapshots."));

  static final Startup SOLID_STATE = CORPUS.get(0);
  static final Startup LIDAR = CORPUS.get(1);
  static final Startup DRIVER_MONITORING = CORPUS.get(2);
  static final Startup FLEET = CORPUS.get(3);

  final Thesaurus thesaurus;
  private final TextAnalysis analysis;
  private final ProfileAnalyser analyser;
  private final SearchIndex<AnalysedStartup> startups;
  private final CorpusStats.Cache stats = new CorpusStats.Cache();

  ScoringFixture() {
    try {
      thesaurus = Thesaurus.parse(Map.of("test.txt", new StringReader(THESAURUS)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    analysis = new TextAnalysis(Dictionaries.shipped(), ConceptTagger.germanWordParts(thesaurus));
    analyser = new ProfileAnalyser(thesaurus, Dictionaries.shipped(), analysis);
    startups = new SearchIndex<>(analysis);
    CORPUS.forEach(s -> startups.put(analyser.startup(s)));
    startups.refresh();
  }

  AnalysedStartup analysed(Startup s) {
    return analyser.startup(s);
  }

  AnalysedNeed analysed(Need n) {
    return analyser.need(n);
  }

  /** The index of the corpus. */
  SearchIndex<AnalysedStartup> startups() {
    return startups;
  }

  /** Applies {@code f} to the statistics of the indexed corpus. */
  <T> T withStats(Function<CorpusStats, T> f) {
    return startups.withReader(reader -> f.apply(stats.of(reader)));
  }

  /** A component's raw value and evidence for one pair. */
  record Scored(double raw, Map<String, Object> evidence) {}

  /**
   * Scores the pair with the component made for the corpus' statistics twice, with and without
   * evidence, and checks that both give the same value.
   */
  Scored score(Function<CorpusStats, ScoreComponent> component, Need need, Startup startup) {
    AnalysedNeed n = analyser.need(need);
    AnalysedStartup s = analyser.startup(startup);
    return withStats(
        stats -> {
          ScoreComponent c = component.apply(stats);
          Map<String, Object> evidence = new LinkedHashMap<>();
          double explained = c.raw(n, s, evidence);
          assertThat(c.raw(n, s, null))
              .as("the value without evidence is the value with it")
              .isEqualTo(explained);
          return new Scored(explained, evidence);
        });
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    startups.close();
    analysis.close();
  }

  static Startup startup(String id, Language language, InnovationField field, String pitch) {
    return new Startup(
        id, language, id, pitch, null, List.of(), Set.of(field), 6, FundingStage.SERIES_A, "CN");
  }

  /** A startup with the given requirements' values and nothing to match in its text. */
  static Startup startup(int trl, FundingStage stage, String country) {
    return new Startup("s", Language.EN, "s", null, null, List.of(), Set.of(), trl, stage, country);
  }

  static Need need(Language language, String title, Set<InnovationField> fields) {
    return new Need("n", language, title, null, List.of(), fields, 1, null, null, null, null);
  }

  /** A need with the given hard filters and nothing to match in its text. */
  static Need need(int minTrl, Integer maxTrl, Set<FundingStage> stages, Set<String> regions) {
    return new Need(
        "n", Language.EN, "n", null, List.of(), Set.of(), minTrl, maxTrl, stages, regions, null);
  }
}
