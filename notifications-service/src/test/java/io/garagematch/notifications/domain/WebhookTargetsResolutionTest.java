package io.garagematch.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A delivery's URL is resolved once; the address checked is the address the request goes to. */
class WebhookTargetsResolutionTest {

  /** Answers in turn, the last answer again once they run out; counts the questions. */
  static final class Answers implements Resolver {
    private final List<InetAddress[]> answers;
    final List<String> asked = new ArrayList<>();

    Answers(InetAddress[]... answers) {
      this.answers = Arrays.asList(answers);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      asked.add(host);
      InetAddress[] answer = answers.get(Math.min(asked.size(), answers.size()) - 1);
      if (answer.length == 0) {
        throw new UnknownHostException(host);
      }
      return answer;
    }
  }

  static InetAddress[] ip(String... literals) {
    return Arrays.stream(literals)
        .map(
            l -> {
              try {
                return InetAddress.getByName(l);
              } catch (UnknownHostException e) {
                throw new IllegalArgumentException(l, e);
              }
            })
        .toArray(InetAddress[]::new);
  }

  @Test
  void aNameIsLookedUpOnceAndTheTargetIsTheAddressThatWasChecked() {
    Answers dns = new Answers(ip("93.184.215.14"), ip("127.0.0.1"));

    var resolution = WebhookTargets.resolve("https://hooks.example/in?x=1", false, dns);

    assertThat(resolution.refused()).isFalse();
    assertThat(resolution.target().address().getHostAddress()).isEqualTo("93.184.215.14");
    assertThat(dns.asked).containsExactly("hooks.example");
  }

  @Test
  void everyAddressOfTheAnswerIsChecked() {
    Answers dns = new Answers(ip("93.184.215.14", "127.0.0.1"));

    var resolution = WebhookTargets.resolve("https://hooks.example/in", false, dns);

    assertThat(resolution.refused()).isTrue();
    assertThat(resolution.refusal()).isEqualTo("resolves to an internal address (127.0.0.1)");
  }

  @Test
  void anIpv4MappedAnswerIsCheckedAndCalledAsTheIpv4ItCarries() throws Exception {
    byte[] loopback = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1};
    byte[] public4 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 93, (byte) 184, (byte) 215, 14};

    var refused =
        WebhookTargets.resolve(
            "https://hooks.example/in",
            false,
            new Answers(new InetAddress[] {Inet6Address.getByAddress(null, loopback, -1)}));
    var called =
        WebhookTargets.resolve(
            "https://hooks.example/in",
            false,
            new Answers(new InetAddress[] {Inet6Address.getByAddress(null, public4, -1)}));

    assertThat(refused.refusal()).contains("internal");
    assertThat(called.target().address().getAddress()).hasSize(4);
    assertThat(called.target().address().getHostAddress()).isEqualTo("93.184.215.14");
  }

  @Test
  void theTargetAddressCarriesNoNameThatCouldBeLookedUpAgain() throws Exception {
    InetAddress named =
        InetAddress.getByAddress("hooks.example", new byte[] {93, (byte) 184, (byte) 215, 14});

    var target =
        WebhookTargets.resolve(
                "https://hooks.example/", false, new Answers(new InetAddress[] {named}))
            .target();

    assertThat(target.address().toString()).isEqualTo("/93.184.215.14");
    assertThat(target.host()).isEqualTo("hooks.example");
  }

  @Test
  void withPrivateTargetsAllowedTheNameIsStillLookedUpOnceAndPinned() {
    Answers dns = new Answers(ip("127.0.0.2"), ip("127.0.0.1"));

    var target = WebhookTargets.resolve("http://hooks.example:8080/in", true, dns).target();

    assertThat(target.address().getHostAddress()).isEqualTo("127.0.0.2");
    assertThat(dns.asked).hasSize(1);
  }

  @Test
  void aHostThatDoesNotResolveIsRefused() {
    assertThat(
            WebhookTargets.resolve("https://nowhere.example/", true, new Answers(ip())).refusal())
        .isEqualTo("names a host that does not resolve");
    assertThat(
            WebhookTargets.resolve("https://nowhere.example/", false, host -> new InetAddress[0])
                .refusal())
        .isEqualTo("names a host that does not resolve");
  }

  @Test
  void registrationLooksTheNameUpWithTheResolverGivenUnlessPrivateTargetsAreAllowed() {
    Answers dns = new Answers(ip("10.0.0.7"));

    assertThat(WebhookTargets.refusal("https://hooks.example/", false, dns))
        .contains("resolves to an internal address (10.0.0.7)");
    assertThat(WebhookTargets.refusal("https://hooks.example/", true, dns)).isEmpty();
    assertThat(dns.asked).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://hooks.example/x           | false | hooks.example | 80   | /x      | hooks.example",
        "http://hooks.example:8080        | false | hooks.example | 8080 | /       |"
            + " hooks.example:8080",
        "https://hooks.example:443/a%20b?q=%C3%A4#top | true | hooks.example | 443 |"
            + " /a%20b?q=%C3%A4 | hooks.example",
        "HTTPS://hooks.example:8443/h     | true  | hooks.example | 8443 | /h      |"
            + " hooks.example:8443",
        "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:8443/h | true |"
            + " 2606:2800:21f:cb07:6820:80da:af6b:8b2c | 8443 | /h |"
            + " [2606:2800:21f:cb07:6820:80da:af6b:8b2c]:8443"
      })
  void theTargetKeepsTheUrlsHostPortAndPath(
      String url, boolean tls, String host, int port, String requestUri, String hostHeader) {
    var target = WebhookTargets.resolve(url, false, new Answers(ip("93.184.215.14"))).target();

    assertThat(target.tls()).isEqualTo(tls);
    assertThat(target.host()).isEqualTo(host);
    assertThat(target.port()).isEqualTo(port);
    assertThat(target.requestUri()).isEqualTo(requestUri);
    assertThat(target.hostHeader()).isEqualTo(hostHeader);
  }
}
