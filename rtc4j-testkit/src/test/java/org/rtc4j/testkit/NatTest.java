package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Datagram;

class NatTest {
  static InetSocketAddress at(String ip, int port) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(ip), port);
  }

  /** What the NAT forwards when {@code from} sends to {@code to}, as the gateway sees it. */
  static Datagram pass(Nat nat, InetSocketAddress from, InetSocketAddress to) {
    // A gateway receives a packet with local() = its destination and remote() = its sender.
    nat.handleRead(Datagram.udp(new byte[] {1}, to, from), 0);
    return nat.pollWrite();
  }

  @Test
  void mappingIsEndpointIndependentAndFilteringAsConfigured() throws Exception {
    InetSocketAddress inside = at("192.168.1.10", 5000);
    InetSocketAddress peer1 = at("198.51.100.1", 3478);
    InetSocketAddress peer2 = at("198.51.100.2", 6000);
    InetSocketAddress peer1OtherPort = at("198.51.100.1", 9999);
    for (Nat.Filtering f : Nat.Filtering.values()) {
      Nat nat = new Nat(InetAddress.getByName("203.0.113.1"), f);
      Datagram out1 = pass(nat, inside, peer1);
      Datagram out2 = pass(nat, inside, peer2);
      assertEquals(out1.local(), out2.local(), "one mapping for every destination (" + f + ")");
      assertEquals(nat.mappingOf(inside), out1.local());
      assertEquals(peer1, out1.remote());

      InetSocketAddress stranger = at("192.0.2.99", 1);
      Datagram fromStranger = pass(nat, stranger, out1.local());
      Datagram fromOtherPort = pass(nat, peer1OtherPort, out1.local());
      Datagram fromPeer = pass(nat, peer2, out1.local());
      assertEquals(inside, fromPeer.remote(), "a contacted peer always gets in");
      assertEquals(peer2, fromPeer.local());
      switch (f) {
        case ENDPOINT_INDEPENDENT -> {
          assertEquals(inside, fromStranger.remote());
          assertEquals(inside, fromOtherPort.remote());
        }
        case ADDRESS_DEPENDENT -> {
          assertNull(fromStranger);
          assertEquals(inside, fromOtherPort.remote());
        }
        case ADDRESS_AND_PORT_DEPENDENT -> {
          assertNull(fromStranger);
          assertNull(fromOtherPort);
        }
      }
      assertNull(pass(nat, peer1, at("203.0.113.1", 1)), "no mapping on that port");
    }
  }
}
