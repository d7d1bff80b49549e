package io.garagematch.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/hook",
        "http://localhost:8080/hook",
        "http://10.1.2.3/hook",
        "http://172.16.0.1/hook",
        "http://192.168.1.10/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://100.64.0.1/hook",
        "http://0.0.0.0/hook",
        "http://[::1]/hook",
        "http://[fd00::1]/hook",
        "http://[fe80::1]/hook",
        "http://224.0.0.1/hook"
      })
  void refusesInternalAddresses(String url) {
    assertThat(WebhookTargets.refusal(url, false))
        .hasValueSatisfying(r -> assertThat(r).contains("internal"));
    assertThat(WebhookTargets.refusal(url, true)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.com/x",
        "file:///etc/passwd",
        "http://user:pw@example.com/",
        "not a url",
        "http:///x"
      })
  void refusesWhatIsNoPlainHttpUrl(String url) {
    assertThat(WebhookTargets.refusal(url, true)).isPresent();
  }

  @Test
  void acceptsPublicAddresses() {
    assertThat(WebhookTargets.refusal("https://93.184.215.14/hooks", false)).isEmpty();
    assertThat(WebhookTargets.refusal("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/h", false))
        .isEmpty();
  }
}
