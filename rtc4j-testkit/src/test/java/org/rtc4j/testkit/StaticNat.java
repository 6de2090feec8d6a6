package org.rtc4j.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.Time;

/**
 * A one-to-one NAT for the routing tests: it maps one inside address to one outside address and
 * keeps ports. Just enough of a middlebox to show a gateway rewriting addresses.
 */
final class StaticNat implements DatagramEndpoint {
  private final InetAddress inside;
  private final InetAddress outside;
  private final ArrayDeque<Datagram> outbox = new ArrayDeque<>();
  int unmatched;

  StaticNat(InetAddress inside, InetAddress outside) {
    this.inside = inside;
    this.outside = outside;
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    // Seen from the NAT, local() is where the packet was sent to, remote() who sent it.
    if (datagram.remote().getAddress().equals(inside)) {
      InetSocketAddress mapped = new InetSocketAddress(outside, datagram.remote().getPort());
      outbox.add(Datagram.udp(datagram.copyPayload(), mapped, datagram.local()));
    } else if (datagram.local().getAddress().equals(outside)) {
      InetSocketAddress target = new InetSocketAddress(inside, datagram.local().getPort());
      outbox.add(Datagram.udp(datagram.copyPayload(), datagram.remote(), target));
    } else {
      unmatched++;
    }
  }

  @Override
  public Datagram pollWrite() {
    return outbox.poll();
  }

  @Override
  public void handleTimeout(long nowNanos) {}

  @Override
  public long pollTimeout() {
    return Time.NEVER;
  }
}
