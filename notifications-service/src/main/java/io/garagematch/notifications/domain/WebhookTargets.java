package io.garagematch.notifications.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs may be called. Only absolute http(s) URLs without user info; and, unless
 * private targets are allowed (tests, the local stack), never an address inside the network — every
 * range of the IANA special-purpose registries that is not globally reachable, and IPv6 addresses
 * that carry such an IPv4 address — so that a subscriber cannot make the service call into its own
 * network (SSRF). Checked when a URL is registered and again before each delivery (DNS may change).
 */
public final class WebhookTargets {

  private WebhookTargets() {}

  /** Why the URL is refused, or empty when it may be called. */
  public static Optional<String> refusal(String url, boolean allowPrivate) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry user info");
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      return Optional.of("names a host that does not resolve");
    }
    for (InetAddress a : addresses) {
      if (isInternal(a)) {
        return Optional.of("resolves to an internal address (" + a.getHostAddress() + ")");
      }
    }
    return Optional.empty();
  }

  /**
   * IPv4 ranges of the IANA special-purpose registry that are not globally reachable, as {first
   * address, prefix length}: this network, private, carrier-grade NAT, loopback, link-local, IETF
   * protocol assignments, the documentation nets, the 6to4 relay, benchmarking, multicast and the
   * reserved 240/4 (with the broadcast address).
   */
  private static final int[][] IPV4_SPECIAL = {
    {ip(0, 0, 0, 0), 8},
    {ip(10, 0, 0, 0), 8},
    {ip(100, 64, 0, 0), 10},
    {ip(127, 0, 0, 0), 8},
    {ip(169, 254, 0, 0), 16},
    {ip(172, 16, 0, 0), 12},
    {ip(192, 0, 0, 0), 24},
    {ip(192, 0, 2, 0), 24},
    {ip(192, 88, 99, 0), 24},
    {ip(192, 168, 0, 0), 16},
    {ip(198, 18, 0, 0), 15},
    {ip(198, 51, 100, 0), 24},
    {ip(203, 0, 113, 0), 24},
    {ip(224, 0, 0, 0), 4},
    {ip(240, 0, 0, 0), 4}
  };

  /**
   * Whether an address is inside a network rather than on the internet. IPv6 addresses that carry
   * an IPv4 address (IPv4-compatible ::/96, NAT64 64:ff9b::/96, 6to4 2002::/16; IPv4-mapped ones
   * arrive here as IPv4 already) are judged by that address; the IPv6 special-purpose ranges that
   * are not globally reachable are internal.
   */
  static boolean isInternal(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      return isSpecialV4(int32(b, 0));
    }
    if (allZero(b, 0, 12)) {
      return true; // ::/96, IPv4-compatible (deprecated), ::1 and :: included
    }
    int first16 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int second16 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    if (first16 == 0x0064 && second16 == 0xff9b && allZero(b, 4, 12)) {
      return isSpecialV4(int32(b, 12)); // NAT64 well-known prefix: the IPv4 it reaches
    }
    if (first16 == 0x2002) {
      return isSpecialV4(int32(b, 2)); // 6to4: the IPv4 of the relay it names
    }
    return (b[0] & 0xfe) == 0xfc // unique local fc00::/7
        || (first16 == 0x0064 && second16 == 0xff9b) // the rest of 64:ff9b::/32: local-use NAT64
        || (first16 == 0x0100 && second16 == 0 && allZero(b, 4, 8)) // discard-only 100::/64
        || (first16 == 0x2001 && second16 < 0x0200) // IETF protocol assignments 2001::/23
        || (first16 == 0x2001 && second16 == 0x0db8) // documentation 2001:db8::/32
        || (first16 == 0x3fff && (second16 & 0xf000) == 0) // documentation 3fff::/20
        || first16 == 0x5f00; // segment routing 5f00::/16
  }

  private static boolean isSpecialV4(int address) {
    for (int[] range : IPV4_SPECIAL) {
      int mask = range[1] == 0 ? 0 : -1 << (32 - range[1]);
      if ((address & mask) == (range[0] & mask)) {
        return true;
      }
    }
    return false;
  }

  private static int ip(int a, int b, int c, int d) {
    return (a << 24) | (b << 16) | (c << 8) | d;
  }

  private static int int32(byte[] b, int at) {
    return ((b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
