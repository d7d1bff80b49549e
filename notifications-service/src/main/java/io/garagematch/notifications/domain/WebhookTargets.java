package io.garagematch.notifications.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs may be called. Only absolute http(s) URLs without user info; and, unless
 * private targets are allowed (tests, the local stack), never an address inside the network —
 * loopback, private, link-local (cloud metadata), carrier-grade NAT, unique-local IPv6, multicast,
 * unspecified — so that a subscriber cannot make the service call into its own network (SSRF).
 * Checked when a URL is registered and again before each delivery (DNS may change).
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
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128); // this host, CGNAT
    }
    return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
  }
}
