package org.rtc4j.sctp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.testkit.Host;
import org.rtc4j.testkit.LinkConfig;
import org.rtc4j.testkit.VirtualNetwork;

/** Two associations, A and B, joined by a virtual link in both directions. */
final class SctpPair {
  static final InetSocketAddress A_ADDRESS = address("10.0.0.1", 5000);
  static final InetSocketAddress B_ADDRESS = address("10.0.0.2", 5000);

  final VirtualNetwork net;
  final SctpOverUdp a;
  final SctpOverUdp b;
  final Host hostA;
  final Host hostB;

  SctpPair(long seed, LinkConfig link, SctpConfig configA, SctpConfig configB) {
    net = VirtualNetwork.seeded(seed);
    a =
        new SctpOverUdp(
            new SctpAssociation(configA, RandomSource.seeded(seed)), A_ADDRESS, B_ADDRESS);
    b =
        new SctpOverUdp(
            new SctpAssociation(configB, RandomSource.seeded(~seed)), B_ADDRESS, A_ADDRESS);
    hostA = net.addHost("a", a, A_ADDRESS.getAddress());
    hostB = net.addHost("b", b, B_ADDRESS.getAddress());
    net.linkBoth(hostA, hostB, link);
  }

  SctpPair(long seed, LinkConfig link) {
    this(seed, link, SctpConfig.builder().build(), SctpConfig.builder().build());
  }

  /** Both connect at once, as WebRTC peers do; true when both are established in time. */
  boolean connectBoth(long maxNanos) {
    a.sctp.connect(net.now());
    b.sctp.connect(net.now());
    return net.runUntil(this::bothEstablished, maxNanos);
  }

  boolean bothEstablished() {
    return a.sctp.state() == SctpState.ESTABLISHED && b.sctp.state() == SctpState.ESTABLISHED;
  }

  private static InetSocketAddress address(String ip, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(ip), port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
