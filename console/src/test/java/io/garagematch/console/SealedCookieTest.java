package io.garagematch.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SealedCookieTest {

  private final String secret = "a-secret-of-at-least-thirty-two-characters";

  @Test
  void aSealedValueOpensOnlyWithItsKeyAndItsCookie() {
    SealedCookie seal = new SealedCookie(secret, "gm_session");
    String sealed = seal.seal("header.payload.signature");
    assertThat(sealed).doesNotContain("payload");
    assertThat(seal.open(sealed)).contains("header.payload.signature");
    assertThat(new SealedCookie(secret + "x", "gm_session").open(sealed)).isEmpty();
    assertThat(new SealedCookie(secret, "gm_lang").open(sealed)).isEmpty();
  }

  @Test
  void aChangedOrForeignValueDoesNotOpen() {
    SealedCookie seal = new SealedCookie(secret, "gm_session");
    String sealed = seal.seal("token");
    char last = sealed.charAt(sealed.length() - 1);
    String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertThat(seal.open(tampered)).isEmpty();
    assertThat(seal.open("")).isEmpty();
    assertThat(seal.open("not base64 at all!")).isEmpty();
    assertThat(seal.open("AAAA")).isEmpty();
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> new SealedCookie("short", "gm_session"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyPathsOfThisConsoleAreFollowedAfterSignIn() {
    assertThat(SignInResource.safeNext("/matches/1")).isEqualTo("/matches/1");
    assertThat(SignInResource.safeNext("//evil.example.com")).isEqualTo("/");
    assertThat(SignInResource.safeNext("/\\evil.example.com")).isEqualTo("/");
    assertThat(SignInResource.safeNext("https://evil.example.com")).isEqualTo("/");
    assertThat(SignInResource.safeNext("/sign-in")).isEqualTo("/");
    assertThat(SignInResource.safeNext(null)).isEqualTo("/");
  }
}
