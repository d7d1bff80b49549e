package io.garagematch.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
        "http://[::ffff:7f00:1]/hook",
        "http://[2002:7f00:1::1]/hook",
        // Teredo
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook",
        // IPv4 written as one number: the JDK reads 2130706433 as 127.0.0.1
        "http://2130706433/hook",
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

  @ParameterizedTest
  @ValueSource(strings = {"http://127.1/hook", "http://0x7f.1/hook", "http://127.0.0.1./hook"})
  void refusesIpv4ShorthandsThatAUriCannotNameAsAHost(String url) {
    // the system resolver would read them as 127.0.0.1; as URIs they have no host at all
    assertThat(WebhookTargets.refusal(url, false)).contains("must name a host");
    assertThat(WebhookTargets.refusal(url, true)).contains("must name a host");
  }

  @Test
  void refusesAHexIpv4WhateverTheSystemResolverMakesOfIt() {
    // a name to the JDK; the system resolver answers 127.0.0.1 or nothing, and either is refused
    assertThat(WebhookTargets.refusal("http://0x7f000001/hook", false)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com:0/h", "http://example.com:65536/h"})
  void refusesPortsOutsideTheTcpRange(String url) {
    assertThat(WebhookTargets.refusal(url, true))
        .hasValueSatisfying(r -> assertThat(r).contains("port"));
  }

  /** Each range at both of its ends, and the addresses just outside it. */
  @ParameterizedTest(name = "{0} internal: {1}")
  @CsvSource({
    // IPv4 special-purpose ranges that are not globally reachable
    "0.0.0.0, true",
    "0.255.255.255, true",
    "1.0.0.0, false",
    "9.255.255.255, false",
    "10.0.0.0, true",
    "10.255.255.255, true",
    "11.0.0.0, false",
    "100.63.255.255, false",
    "100.64.0.0, true",
    "100.127.255.255, true",
    "100.128.0.0, false",
    "126.255.255.255, false",
    "127.0.0.0, true",
    "127.255.255.255, true",
    "128.0.0.0, false",
    "169.253.255.255, false",
    "169.254.0.0, true",
    "169.254.255.255, true",
    "169.255.0.0, false",
    "172.15.255.255, false",
    "172.16.0.0, true",
    "172.31.255.255, true",
    "172.32.0.0, false",
    "192.0.0.0, true",
    "192.0.0.255, true",
    "192.0.1.0, false",
    "192.0.2.0, true",
    "192.0.2.255, true",
    "192.0.3.0, false",
    "192.88.98.255, false",
    "192.88.99.0, true",
    "192.88.99.255, true",
    "192.88.100.0, false",
    "192.167.255.255, false",
    "192.168.0.0, true",
    "192.168.255.255, true",
    "192.169.0.0, false",
    "198.17.255.255, false",
    "198.18.0.0, true",
    "198.19.255.255, true",
    "198.20.0.0, false",
    "198.51.99.255, false",
    "198.51.100.0, true",
    "198.51.100.255, true",
    "198.51.101.0, false",
    "203.0.112.255, false",
    "203.0.113.0, true",
    "203.0.113.255, true",
    "203.0.114.0, false",
    "223.255.255.255, false",
    "224.0.0.0, true",
    "239.255.255.255, true",
    "240.0.0.0, true",
    "255.255.255.255, true",
    // IPv4-compatible ::/96 (deprecated): all of it, whatever the IPv4
    "::, true",
    "::1, true",
    "::127.0.0.1, true",
    "::8.8.8.8, true",
    // IPv4-mapped ::ffff:0:0/96: the JDK turns a literal into the IPv4 it carries
    "::ffff:127.0.0.1, true",
    "::ffff:10.0.0.1, true",
    "::ffff:8.8.8.8, false",
    // NAT64 well-known prefix 64:ff9b::/96: the IPv4 it reaches
    "64:ff9b::127.0.0.1, true",
    "64:ff9b::10.0.0.1, true",
    "64:ff9b::8.8.8.8, false",
    // local-use NAT64 64:ff9b:1::/48 and the rest of 64:ff9b::/32
    "64:ff9b:1::1, true",
    "64:ff9b:1:ffff:ffff:ffff:ffff:ffff, true",
    "64:ff9b:2::1, true",
    // 6to4 2002::/16: the IPv4 of the relay it names
    "2002:7f00:1::1, true",
    "2002:a00:1::1, true",
    "2002:c0a8:101::1, true",
    "2002:808:808::1, false",
    // Teredo 2001::/32, inside the IETF protocol assignments 2001::/23
    "2001::1, true",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2, true",
    "2001:1ff:ffff::1, true",
    "2001:200::1, false",
    // documentation
    "2001:db8::1, true",
    "2001:db9::1, false",
    "3fff::1, true",
    "3fff:fff:ffff::1, true",
    "3fff:1000::1, false",
    // outside global unicast 2000::/3
    "1::1, true",
    "100::1, true",
    "100:0:0:1::1, true",
    "4000::1, true",
    "5f00::1, true",
    "fc00::1, true",
    "fd12:3456::1, true",
    "fe80::1, true",
    "fec0::1, true",
    "ff02::1, true",
    "ff0e::1, true",
    "::ffff:0:7f00:1, true",
    // globally reachable
    "2606:2800:21f:cb07:6820:80da:af6b:8b2c, false",
    "2a00:1450:4001:82a::200e, false",
    "93.184.215.14, false"
  })
  void judgesEachRange(String literal, boolean internal) throws Exception {
    assertThat(WebhookTargets.isInternal(InetAddress.getByName(literal))).isEqualTo(internal);
  }

  @ParameterizedTest(name = "::ffff:{0} as IPv6: internal {1}")
  @CsvSource({"127.0.0.1, true", "10.1.2.3, true", "169.254.169.254, true", "8.8.8.8, false"})
  void judgesAnIpv4MappedAddressThatArrivesAsIpv6ByItsIpv4(String ipv4, boolean internal)
      throws Exception {
    byte[] v4 = InetAddress.getByName(ipv4).getAddress();
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(v4, 0, mapped, 12, 4);
    // a resolver may answer it like this: the JDK's own factory keeps it IPv6, not loopback
    InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
    assertThat(address).isInstanceOf(Inet6Address.class);
    assertThat(WebhookTargets.isInternal(address)).isEqualTo(internal);
  }
}
