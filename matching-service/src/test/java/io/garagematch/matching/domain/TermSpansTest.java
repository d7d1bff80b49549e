package io.garagematch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.garagematch.contracts.taxonomy.Language;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TermSpansTest {

  static TextAnalysis analysis;

  @BeforeAll
  static void load() {
    analysis = new TextAnalysis(Dictionaries.shipped(), Set.of("batterie", "diagnose", "fahrzeug"));
  }

  @AfterAll
  static void close() {
    analysis.close();
  }

  static TermSpans spans(Language language, String text) {
    TextAnalysis.Spans s = analysis.indexSpans(language, text);
    assertThat(s.tokens())
        .as("the same tokens as the index")
        .isEqualTo(analysis.indexTokens(language, text));
    return TermSpans.of(s.tokens(), s.starts(), s.ends());
  }

  @Test
  void anEnglishStemIsTheFirstWordItCameFromAsWritten() {
    String text =
        "Volta's Batteries\nSolid-state batteries power vehicles; one vehicle, two trucks.";
    TermSpans spans = spans(Language.EN, text);

    assertThat(spans.word(text, "batteri")).isEqualTo("Batteries");
    assertThat(spans.word(text, "vehicl")).isEqualTo("vehicles");
    assertThat(spans.word(text, "solid")).isEqualTo("Solid");
    assertThat(spans.word(text, "volta")).as("without the possessive").isEqualTo("Volta");
    assertThat(spans.word(text, "truck")).isEqualTo("trucks");
    assertThat(spans.word(text, "cell")).as("not in the text").isNull();
  }

  @Test
  void aGermanCompoundIsTheWordOfEachOfItsParts() {
    String text = "Batteriediagnose für jede Fahrzeugbatterie; die Batterie selbst.";
    TermSpans spans = spans(Language.DE, text);

    assertThat(spans.word(text, "batteriediagnos")).isEqualTo("Batteriediagnose");
    assertThat(spans.word(text, "batteri")).isEqualTo("Batteriediagnose");
    assertThat(spans.word(text, "diagnos")).isEqualTo("Batteriediagnose");
    assertThat(spans.word(text, "fahrzeug")).isEqualTo("Fahrzeugbatterie");
    assertThat(spans.word(text, "fahrzeugbatteri")).isEqualTo("Fahrzeugbatterie");
  }

  @Test
  void aChineseTextNamesItsWordsAndItsLatinWordsAsWritten() {
    String text = "基于云端的电池管理系统BMS，实时预警热失控。";
    TermSpans spans = spans(Language.ZH, text);

    assertThat(analysis.indexTokens(Language.ZH, text)).contains("电池", "bm");
    assertThat(spans.word(text, "电池")).isEqualTo("电池");
    assertThat(spans.word(text, "bm"))
        .as("lower-cased and stemmed by the analysis")
        .isEqualTo("BMS");
  }

  @Test
  void aWordTooLongToKeepIsNotNamed() {
    String text = "x".repeat(1_100) + " vehicles";
    TermSpans spans =
        TermSpans.of(List.of("xxx", "vehicl"), new int[] {0, 1_101}, new int[] {1_100, 1_109});

    assertThat(spans.word(text, "xxx")).isNull();
    assertThat(spans.word(text, "vehicl")).isEqualTo("vehicles");
  }

  @Test
  void anEmptyTextHasNoWords() {
    TermSpans spans = spans(Language.EN, "");

    assertThat(spans.size()).isZero();
    assertThat(spans.word("", "vehicl")).isNull();
  }
}
