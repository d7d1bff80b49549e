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
        "http://224.0.0.1/hook",
        // IPv6 carrying an internal IPv4: compatible, mapped, NAT64, 6to4
        "http://[::127.0.0.1]/hook",
        "http://[::ffff:10.0.0.1]/hook",
        "http://[64:ff9b::a9fe:a9fe]/latest/meta-data",
        "http://[64:ff9b:1::1]/hook",
        "http://[2002:c0a8:0101::1]/hook",
        // the rest of the special-purpose registries
        "http://192.0.0.8/hook",
        "http://192.0.2.1/hook",
        "http://192.88.99.1/hook",
        "http://198.18.0.1/hook",
        "http://198.19.255.255/hook",
        "http://198.51.100.7/hook",
        "http://203.0.113.9/hook",
        "http://240.0.0.1/hook",
        "http://255.255.255.255/hook",
        "http://[100::1]/hook",
        "http://[2001::1]/hook",
        "http://[2001:db8::1]/hook",
        "http://[3fff::1]/hook",
        "http://[5f00::1]/hook",
        "http://[fec0::1]/hook",
        "http://[ff02::1]/hook"
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
    // an IPv6 that carries a public IPv4 reaches the internet: NAT64, 6to4
    assertThat(WebhookTargets.refusal("https://[64:ff9b::5db8:d70e]/h", false)).isEmpty();
    assertThat(WebhookTargets.refusal("https://[2002:5db8:d70e::1]/h", false)).isEmpty();
    // just outside the ranges
    assertThat(WebhookTargets.refusal("https://198.20.0.1/h", false)).isEmpty();
    assertThat(WebhookTargets.refusal("https://100.128.0.1/h", false)).isEmpty();
    assertThat(WebhookTargets.refusal("https://[2001:200::1]/h", false)).isEmpty();
  }
}
