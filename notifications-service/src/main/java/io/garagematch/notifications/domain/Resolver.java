package io.garagematch.notifications.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name or address literal into the addresses it stands for. */
@FunctionalInterface
public interface Resolver {

  /** The JDK's resolver: address literals as Java parses them, names through the system. */
  Resolver SYSTEM = InetAddress::getAllByName;

  /** At least one address; throws when the host does not resolve. */
  InetAddress[] resolve(String host) throws UnknownHostException;
}
