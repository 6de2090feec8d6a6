package org.rtc4j.nio;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;

/**
 * One bound UDP socket of the runtime and who owns it: the value a selection key carries. Exists so
 * that the loop finds a readable socket's owner, or learns that the socket is shared, without a
 * lookup.
 */
final class BoundSocket {
  final DatagramChannel channel;
  final InetSocketAddress local;

  /** The registration whose socket this is, or null for a shared socket. */
  final Registration owner;

  /** Set on the loop thread when the channel is registered with the selector. */
  SelectionKey key;

  BoundSocket(DatagramChannel channel, InetSocketAddress local, Registration owner) {
    this.channel = channel;
    this.local = local;
    this.owner = owner;
  }

  @Override
  public String toString() {
    return "udp " + local + (owner == null ? " (shared)" : "");
  }
}
