package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtc4j.testkit.Addresses.at;
import static org.rtc4j.testkit.Addresses.ip;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.Ecn;
import org.rtc4j.common.Time;
import org.rtc4j.common.TransportProtocol;
import org.rtc4j.testkit.TraceEvent.Kind;

class VirtualNetworkTest {
  private static final InetSocketAddress A = at("10.0.0.1", 4000);
  private static final InetSocketAddress B = at("10.0.0.2", 5000);

  private final VirtualNetwork net = VirtualNetwork.seeded(7);
  private final RecordingEndpoint alice = new RecordingEndpoint();
  private final RecordingEndpoint bob = new RecordingEndpoint();
  private final Host a = net.addHost("alice", alice, ip("10.0.0.1"));
  private final Host b = net.addHost("bob", bob, ip("10.0.0.2"));

  @Test
  void fixedDelayArrivesExactlyAndReceiverSeesAddressesReversed() {
    net.link(a, b, LinkConfig.builder().delayNanos(Time.millis(40)).build());
    byte[] payload = RecordingEndpoint.numbered(1, 100);
    alice.sendAt(
        Time.millis(3),
        new Datagram(payload, 0, payload.length, A, B, TransportProtocol.TCP, Ecn.ECT_0));

    assertTrue(net.runUntil(() -> !bob.received.isEmpty(), Time.seconds(1)));

    assertEquals(Time.millis(43), net.now());
    RecordingEndpoint.Received got = bob.received.get(0);
    assertEquals(Time.millis(43), got.timeNanos());
    assertEquals(B, got.local());
    assertEquals(A, got.remote());
    assertArrayEquals(payload, got.payload());
    int hash = Arrays.hashCode(payload);
    assertEquals(
        List.of(
            new TraceEvent(Time.millis(3), Kind.SEND, A, B, 100, hash),
            new TraceEvent(Time.millis(43), Kind.DELIVER, A, B, 100, hash)),
        net.trace());
    assertEquals(new LinkStats(1, 1, 0, 0, 0, 0, 100), net.linkStats(a, b));
    assertEquals(new LinkStats(0, 0, 0, 0, 0, 0, 0), net.linkStats(b, a));
  }

  @Test
  void transportAndEcnSurviveTheTrip() {
    List<Datagram> seen = new java.util.ArrayList<>();
    DatagramEndpoint sink =
        new DatagramEndpoint() {
          @Override
          public void handleRead(Datagram d, long now) {
            seen.add(d);
          }

          @Override
          public Datagram pollWrite() {
            return null;
          }

          @Override
          public void handleTimeout(long now) {}

          @Override
          public long pollTimeout() {
            return Time.NEVER;
          }
        };
    net.addHost("sink", sink, ip("10.0.0.3"));
    alice.send(
        new Datagram(new byte[8], 0, 8, A, at("10.0.0.3", 1), TransportProtocol.TCP, Ecn.CE));
    net.runFor(Time.millis(1));
    assertEquals(1, seen.size());
    assertEquals(TransportProtocol.TCP, seen.get(0).transport());
    assertEquals(Ecn.CE, seen.get(0).ecn().orElseThrow());
  }

  @Test
  void payloadIsCopiedWhenItEntersTheNetwork() {
    // A sender that writes every packet into the same buffer, as a real stack might.
    byte[] buffer = new byte[3];
    DatagramEndpoint reuser =
        new DatagramEndpoint() {
          int sent;

          @Override
          public void handleRead(Datagram d, long now) {}

          @Override
          public Datagram pollWrite() {
            if (sent == 3) {
              return null;
            }
            Arrays.fill(buffer, (byte) sent++);
            return Datagram.udp(buffer, at("10.0.0.9", 1), B);
          }

          @Override
          public void handleTimeout(long now) {}

          @Override
          public long pollTimeout() {
            return Time.NEVER;
          }
        };
    Host r = net.addHost("reuser", reuser, ip("10.0.0.9"));
    net.link(r, b, LinkConfig.builder().delayNanos(Time.millis(5)).build());
    net.runFor(Time.millis(10));
    assertEquals(3, bob.received.size());
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(new byte[] {(byte) i, (byte) i, (byte) i}, bob.received.get(i).payload());
    }
  }

  @Test
  void hostOwnsEveryAddressItWasGiven() {
    RecordingEndpoint multi = new RecordingEndpoint();
    net.addHost("multi", multi, ip("192.0.2.1"), ip("2001:db8::1"));
    alice.send(Datagram.udp(new byte[] {1}, A, at("192.0.2.1", 9)));
    multi.send(Datagram.udp(new byte[] {2}, at("2001:db8::1", 9), A)); // from its second address
    net.runFor(Time.millis(1));
    assertEquals(1, multi.received.size());
    assertEquals(at("192.0.2.1", 9), multi.received.get(0).local());
    assertEquals(at("2001:db8::1", 9), alice.received.get(0).remote());
  }

  @Test
  void packetToAnAddressNobodyOwnsIsDroppedAsNoRoute() {
    InetSocketAddress nowhere = at("192.0.2.99", 9);
    alice.send(Datagram.udp(new byte[] {1, 2}, A, nowhere));
    net.runFor(Time.seconds(1));
    assertEquals(1, net.dropCount(DropReason.NO_ROUTE));
    assertEquals(0, net.packetsInFlight());
    assertTrue(bob.received.isEmpty());
    assertEquals(
        List.of(
            new TraceEvent(
                0, Kind.DROP_NO_ROUTE, A, nowhere, 2, Arrays.hashCode(new byte[] {1, 2}))),
        net.trace());
  }

  @Test
  void sendingFromAnAddressTheHostDoesNotOwnThrows() {
    alice.send(Datagram.udp(new byte[1], at("10.0.0.2", 4000), B)); // bob's address
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> net.runFor(Time.seconds(1)));
    assertTrue(e.getMessage().contains("alice"), e.getMessage());
    assertTrue(e.getMessage().contains("10.0.0.2"), e.getMessage());
  }

  @Test
  void addressesAndNamesAreUniqueInARealm() {
    assertThrows(
        IllegalArgumentException.class,
        () -> net.addHost("carol", new EchoEndpoint(), ip("10.0.0.1")));
    assertThrows(
        IllegalArgumentException.class,
        () -> net.addHost("alice", new EchoEndpoint(), ip("10.0.0.5")));
    assertThrows(
        IllegalArgumentException.class,
        () -> net.addHost("dave", new EchoEndpoint(), ip("10.0.0.6"), ip("10.0.0.6")));
    assertThrows(IllegalArgumentException.class, () -> net.addHost("erin", new EchoEndpoint()));
    assertEquals(List.of(a, b), net.hosts());
  }

  @Test
  void hostsOfAnotherNetworkAreRejected() {
    VirtualNetwork other = VirtualNetwork.seeded(7);
    Host stranger = other.addHost("x", new EchoEndpoint(), ip("10.0.0.1"));
    assertThrows(IllegalArgumentException.class, () -> net.link(a, stranger, LinkConfig.ideal()));
    assertThrows(IllegalArgumentException.class, () -> net.linkStats(stranger, a));
  }

  @Test
  void linkConfigurationFallsBackToTheDefault() {
    LinkConfig slow = LinkConfig.builder().delayNanos(Time.millis(100)).build();
    LinkConfig fast = LinkConfig.builder().delayNanos(Time.millis(1)).build();
    net.defaultLink(slow);
    net.link(a, b, fast);
    assertEquals(fast, net.linkConfig(a, b));
    assertEquals(slow, net.linkConfig(b, a));
    net.resetLink(a, b);
    assertEquals(slow, net.linkConfig(a, b));
  }

  @Test
  void multicastReachesEveryOtherHostInTheRealm() throws Exception {
    VirtualNetwork net = VirtualNetwork.seeded(5);
    RecordingEndpoint a = new RecordingEndpoint();
    RecordingEndpoint b = new RecordingEndpoint();
    RecordingEndpoint c = new RecordingEndpoint();
    net.addHost("a", a, java.net.InetAddress.getByName("10.0.0.1"));
    net.addHost("b", b, java.net.InetAddress.getByName("10.0.0.2"));
    net.addHost("c", c, java.net.InetAddress.getByName("10.0.0.3"));
    java.net.InetSocketAddress group =
        new java.net.InetSocketAddress(java.net.InetAddress.getByName("224.0.0.251"), 5353);
    a.send(
        org.rtc4j.common.Datagram.udp(
            new byte[] {7},
            new java.net.InetSocketAddress(java.net.InetAddress.getByName("10.0.0.1"), 5353),
            group));
    net.runFor(org.rtc4j.common.Time.millis(1));
    org.junit.jupiter.api.Assertions.assertEquals(0, a.received.size(), "not to itself");
    org.junit.jupiter.api.Assertions.assertEquals(1, b.received.size());
    org.junit.jupiter.api.Assertions.assertEquals(1, c.received.size());
    org.junit.jupiter.api.Assertions.assertEquals(group, b.received.get(0).local());
  }
}
