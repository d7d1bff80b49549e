package io.garagematch.applications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebDomainTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "https://deepsense.example.cn, deepsense.example.cn",
    "https://www.DeepSense.example.cn/about?x=1, deepsense.example.cn",
    "http://deepsense.example.cn:8080/, deepsense.example.cn",
    "https://deepsense.example.cn./, deepsense.example.cn",
    "https://深感.example.cn, xn--zgu58z.example.cn",
  })
  void normalisesTheHost(String website, String domain) {
    assertThat(WebDomain.of(website)).contains(domain);
  }

  @ParameterizedTest
  @CsvSource({"not a url", "mailto:someone@example.com", "''"})
  void hasNoDomainWithoutAHost(String website) {
    assertThat(WebDomain.of(website)).isEmpty();
  }
}
