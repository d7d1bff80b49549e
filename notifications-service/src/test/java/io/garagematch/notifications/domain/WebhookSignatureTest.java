package io.garagematch.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void signsTheStandardWebhooksTestVector() {
    assertThat(
            WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}"))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void verifiesOneOfSeveralSignaturesAndRejectsAChangedBody() {
    String secret = WebhookSignature.newSecret();
    String signature = WebhookSignature.sign(secret, "id-1", 1700000000, "{\"a\":1}");
    String header = "v1,bm90IGl0 " + signature;
    assertThat(WebhookSignature.verify(secret, "id-1", 1700000000, "{\"a\":1}", header)).isTrue();
    assertThat(WebhookSignature.verify(secret, "id-1", 1700000000, "{\"a\":2}", header)).isFalse();
    assertThat(WebhookSignature.verify(secret, "id-2", 1700000000, "{\"a\":1}", header)).isFalse();
    assertThat(
            WebhookSignature.verify(
                WebhookSignature.newSecret(), "id-1", 1700000000, "{\"a\":1}", header))
        .isFalse();
  }

  @Test
  void secretsAreRandomAndPrefixed() {
    assertThat(WebhookSignature.newSecret())
        .startsWith("whsec_")
        .isNotEqualTo(WebhookSignature.newSecret());
  }
}
