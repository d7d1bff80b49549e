package io.garagematch.notifications.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs may be called. Only absolute http(s) URLs with a host, a valid port and no
 * user info; and, unless private targets are allowed (tests, the local stack), never an address
 * inside the network — every range of the IANA special-purpose registries that is not globally
 * reachable, all IPv6 outside global unicast, and IPv6 addresses that carry such an IPv4 address —
 * so that a subscriber cannot make the service call into its own network (SSRF).
 *
 * <p>Checked when a URL is registered and again before each delivery (DNS may change). A delivery
 * resolves the host once, checks every address it got and is sent to the first of them, never to
 * whatever a second lookup answers: otherwise a name that resolves to a public address for the
 * check and to 127.0.0.1 for the connection (DNS rebinding) would get through.
 */
public final class WebhookTargets {

  private WebhookTargets() {}

  /** A URL checked for a delivery: the target to send to, or why nothing may be sent. */
  public record Resolution(WebhookTarget target, String refusal) {

    public Resolution {
      if ((target == null) == (refusal == null)) {
        throw new IllegalArgumentException("either a target or a refusal");
      }
    }

    static Resolution refused(String reason) {
      return new Resolution(null, reason);
    }

    public boolean refused() {
      return refusal != null;
    }
  }

  /** Why the URL may not be registered, or empty when it may; names resolve through the JDK. */
  public static Optional<String> refusal(String url, boolean allowPrivate) {
    return refusal(url, allowPrivate, Resolver.SYSTEM);
  }

  /**
   * Why the URL may not be registered, or empty when it may. With private targets allowed the host
   * is not looked up (a receiver may not exist yet).
   */
  public static Optional<String> refusal(String url, boolean allowPrivate, Resolver resolver) {
    if (allowPrivate) {
      URI uri = parse(url);
      return Optional.ofNullable(uri == null ? "is not a URL" : malformed(uri));
    }
    return Optional.ofNullable(resolve(url, false, resolver).refusal());
  }

  /**
   * Resolves the URL's host once and checks every address it stands for (unless private targets are
   * allowed): the first address is where the request goes.
   */
  public static Resolution resolve(String url, boolean allowPrivate, Resolver resolver) {
    URI uri = parse(url);
    if (uri == null) {
      return Resolution.refused("is not a URL");
    }
    String malformed = malformed(uri);
    if (malformed != null) {
      return Resolution.refused(malformed);
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Resolution.refused("names a host that does not resolve");
    }
    if (addresses == null || addresses.length == 0) {
      return Resolution.refused("names a host that does not resolve");
    }
    if (!allowPrivate) {
      for (InetAddress a : addresses) {
        if (isInternal(a)) {
          return Resolution.refused("resolves to an internal address (" + a.getHostAddress() + ")");
        }
      }
    }
    boolean tls = uri.getScheme().equalsIgnoreCase("https");
    int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String requestUri = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    return new Resolution(
        new WebhookTarget(tls, host, port, requestUri, withoutName(addresses[0])), null);
  }

  private static URI parse(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Why the URL is no plain http(s) URL of a host, or null. */
  private static String malformed(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return "must be an http or https URL";
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return "must name a host"; // also IPv4 shorthands such as 127.1 or 0x7f.1, which URI rejects
    }
    if (uri.getRawUserInfo() != null) {
      return "must not carry user info";
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      return "must name a port between 1 and 65535";
    }
    return null;
  }

  /**
   * The address alone, without the name it was resolved from, so that nothing downstream can look
   * the name up again. An IPv4-mapped IPv6 address becomes the IPv4 address it carries.
   */
  private static InetAddress withoutName(InetAddress a) {
    try {
      return InetAddress.getByAddress(a.getAddress());
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an address of 4 or 16 bytes is always valid", e);
    }
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
   * an IPv4 address are judged by that address: IPv4-mapped ::ffff:0:0/96 (a resolver may hand one
   * over as IPv6), NAT64 64:ff9b::/96 and 6to4 2002::/16. Any other IPv6 outside global unicast
   * 2000::/3 is internal — ::/96 (::1, ::, the deprecated IPv4-compatible addresses), local-use
   * NAT64 64:ff9b:1::/48, 100::/64, 5f00::/16, unique-local fc00::/7, link-local, site-local and
   * multicast among them — and so are, inside it, the ranges that are not globally reachable:
   * 2001::/23 (Teredo 2001::/32 included), 2001:db8::/32 and 3fff::/20.
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
    int first16 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int second16 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return isSpecialV4(int32(b, 12)); // IPv4-mapped: the IPv4 it is
    }
    if (first16 == 0x0064 && second16 == 0xff9b && allZero(b, 4, 12)) {
      return isSpecialV4(int32(b, 12)); // NAT64 well-known prefix: the IPv4 it reaches
    }
    if ((b[0] & 0xe0) != 0x20) {
      return true; // outside global unicast 2000::/3
    }
    if (first16 == 0x2002) {
      return isSpecialV4(int32(b, 2)); // 6to4: the IPv4 of the relay it names
    }
    return (first16 == 0x2001 && second16 < 0x0200) // IETF protocol assignments 2001::/23
        || (first16 == 0x2001 && second16 == 0x0db8) // documentation 2001:db8::/32
        || (first16 == 0x3fff && (second16 & 0xf000) == 0); // documentation 3fff::/20
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
