package io.garagematch.applications.domain;

import java.net.IDN;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** The web domain a startup is known by: the website's host, lower case, ASCII, without "www.". */
public final class WebDomain {

  private WebDomain() {}

  public static Optional<String> of(String website) {
    if (website == null || website.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(website.trim());
      // getHost() is null for internationalised names; the authority still holds them
      String host = uri.getHost() != null ? uri.getHost() : hostOf(uri.getRawAuthority());
      if (host == null || host.isEmpty()) {
        return Optional.empty();
      }
      String ascii = IDN.toASCII(host).toLowerCase(Locale.ROOT);
      if (ascii.endsWith(".")) {
        ascii = ascii.substring(0, ascii.length() - 1);
      }
      return Optional.of(ascii.startsWith("www.") ? ascii.substring(4) : ascii);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String hostOf(String authority) {
    if (authority == null) {
      return null;
    }
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    int port = host.lastIndexOf(':');
    return port >= 0 ? host.substring(0, port) : host;
  }
}
