package org.rtc4j.testkit;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * A main class that a test runs in a {@link NetworkNamespace} with {@link ChildProcess#java}: it
 * prints {@code INTERFACE <name> <up>} for every network interface it sees, then {@code DONE}.
 */
public final class InterfaceLister {
  private InterfaceLister() {}

  /** Lists the interfaces and exits. */
  public static void main(String[] args) throws SocketException {
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      System.out.println("INTERFACE " + nif.getName() + " " + (nif.isUp() ? "up" : "down"));
    }
    System.out.println("DONE");
  }
}
