package io.garagematch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TextsTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");

  @Test
  void everyLanguageHasEveryKeyAndNoOther() {
    Set<String> english = Texts.file("en").keySet();
    for (String language : Texts.LANGUAGES) {
      assertThat(Texts.file(language).keySet()).as(language).isEqualTo(english);
      assertThat(Texts.file(language).values()).as(language).noneMatch(String::isBlank);
    }
  }

  @Test
  void everyWordATemplateUsesExists() throws IOException {
    Pattern use = Pattern.compile("[{\\s(,]t\\.([A-Za-z_]+)");
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path f : files.toList()) {
        Matcher m = use.matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).isNotEmpty();
    used.remove("lang");
    assertThat(Texts.file("en").keySet()).containsAll(used);
  }

  @Test
  void theReadersChoiceWinsThenTheBrowsersThenEnglish() {
    assertThat(Texts.choose("zh", "de-DE,de;q=0.9")).isEqualTo("zh");
    assertThat(Texts.choose(null, "de-DE,de;q=0.9,en;q=0.8")).isEqualTo("de");
    assertThat(Texts.choose(null, "zh-CN,zh;q=0.9")).isEqualTo("zh");
    assertThat(Texts.choose("fr", "fr-FR")).isEqualTo("en");
    assertThat(Texts.choose(null, ";;;garbage")).isEqualTo("en");
    assertThat(Texts.choose(null, null)).isEqualTo("en");
  }

  @Test
  void aWordIsLookedUpByCodeInTheReadersLanguage() {
    assertThat(Format.word(Texts.of("de"), "status", "PILOT_STARTED"))
        .isNotEqualTo("PILOT_STARTED");
    assertThat(Format.word(Texts.of("zh"), "field", "AUTOMATED_DRIVING")).isEqualTo("自动驾驶");
    assertThat(Format.word(Texts.of("en"), "status", "SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
  }
}
