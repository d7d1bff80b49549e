package io.garagematch.notifications.domain;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A webhook URL whose host was resolved once and checked: the request goes to {@code address} and
 * nowhere else, while {@code host} (as in the URL, IPv6 without brackets) names the receiver in the
 * Host header, for TLS SNI and for certificate hostname verification.
 */
public record WebhookTarget(
    boolean tls, String host, int port, String requestUri, InetAddress address) {

  public WebhookTarget {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(requestUri, "requestUri");
    Objects.requireNonNull(address, "address");
  }

  /** The Host header: the host as in the URL, with the port unless it is the scheme's default. */
  public String hostHeader() {
    String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == (tls ? 443 : 80) ? name : name + ":" + port;
  }
}
