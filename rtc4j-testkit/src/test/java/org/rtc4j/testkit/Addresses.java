package org.rtc4j.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** IP literals for tests; nothing here asks a name server. */
final class Addresses {
  private Addresses() {}

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal); // a literal is parsed, never looked up
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  static InetSocketAddress at(String literal, int port) {
    return new InetSocketAddress(ip(literal), port);
  }
}
