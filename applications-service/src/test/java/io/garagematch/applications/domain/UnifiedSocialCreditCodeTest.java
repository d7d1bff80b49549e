package io.garagematch.applications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnifiedSocialCreditCodeTest {

  @ParameterizedTest(name = "{0} → valid={1}")
  @CsvSource({
    // the example of GB 32100-2015 commentaries: check character 3
    "91350100M000100Y43, true",
    "91350100M000100Y44, false",
    "91350100M000100Y4, false",
    "91350100M000100Y433, false",
    // I, O, S, V and Z are not in the alphabet
    "91350100M000100YO3, false",
    "91350100M000100YS3, false",
    // digits 3-8 are the administrative division code
    "9135010AM000100Y43, false",
    "91310115MA1K4XXXXX, false",
  })
  void checksShapeAndCheckCharacter(String code, boolean valid) {
    assertThat(UnifiedSocialCreditCode.isValid(code)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"91350100M000100Y4, 3", "91310115MA1K4XXXX, 0"})
  void computesTheCheckCharacter(String first17, char expected) {
    assertThat(UnifiedSocialCreditCode.checkCharacter(first17)).isEqualTo(expected);
  }
}
