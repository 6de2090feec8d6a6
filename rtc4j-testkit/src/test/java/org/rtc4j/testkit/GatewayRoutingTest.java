package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtc4j.testkit.Addresses.at;
import static org.rtc4j.testkit.Addresses.ip;

import org.junit.jupiter.api.Test;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.Time;

/** Gateways: the place where a NAT plugs in, shown here with a one-to-one NAT. */
class GatewayRoutingTest {
  private final VirtualNetwork net =
      VirtualNetwork.builder(1)
          .defaultLink(LinkConfig.builder().delayNanos(Time.millis(5)).build())
          .build();

  @Test
  void twoHomesWithTheSamePrivateAddressTalkThroughTheirNats() {
    Host nat1 =
        net.addGateway(
            "nat1", new StaticNat(ip("192.168.1.10"), ip("203.0.113.1")), ip("203.0.113.1"));
    Host nat2 =
        net.addGateway(
            "nat2", new StaticNat(ip("192.168.1.10"), ip("203.0.113.2")), ip("203.0.113.2"));
    RecordingEndpoint alice = new RecordingEndpoint();
    RecordingEndpoint bob = new RecordingEndpoint();
    Host a = net.addHostBehind(nat1, "alice", alice, ip("192.168.1.10"));
    Host b = net.addHostBehind(nat2, "bob", bob, ip("192.168.1.10"));

    alice.send(Datagram.udp(new byte[] {42}, at("192.168.1.10", 4000), at("203.0.113.2", 5000)));
    assertTrue(net.runUntil(() -> !bob.received.isEmpty(), Time.seconds(1)));

    // Three hops of 5 ms; bob sees alice's public (mapped) address.
    assertEquals(Time.millis(15), net.now());
    assertEquals(at("192.168.1.10", 5000), bob.received.get(0).local());
    assertEquals(at("203.0.113.1", 4000), bob.received.get(0).remote());
    assertEquals(1, net.linkStats(a, nat1).delivered());
    assertEquals(1, net.linkStats(nat1, nat2).delivered());
    assertEquals(1, net.linkStats(nat2, b).delivered());

    // Bob answers the address he saw; it finds its way back to alice.
    bob.send(Datagram.udp(new byte[] {43}, at("192.168.1.10", 5000), at("203.0.113.1", 4000)));
    assertTrue(net.runUntil(() -> !alice.received.isEmpty(), Time.seconds(1)));
    assertEquals(Time.millis(30), net.now());
    assertEquals(at("192.168.1.10", 4000), alice.received.get(0).local());
    assertEquals(at("203.0.113.2", 5000), alice.received.get(0).remote());
    assertEquals(0, net.dropCount(DropReason.NO_ROUTE));
  }

  @Test
  void hostsBehindOneGatewayReachEachOtherDirectly() {
    Host nat =
        net.addGateway(
            "nat", new StaticNat(ip("192.168.1.10"), ip("203.0.113.1")), ip("203.0.113.1"));
    RecordingEndpoint one = new RecordingEndpoint();
    RecordingEndpoint two = new RecordingEndpoint();
    Host h1 = net.addHostBehind(nat, "one", one, ip("192.168.1.10"));
    Host h2 = net.addHostBehind(nat, "two", two, ip("192.168.1.11"));
    // A public host with the same address as an inside one is a different machine.
    RecordingEndpoint outsider = new RecordingEndpoint();
    net.addHost("outsider", outsider, ip("192.168.1.11"));

    one.send(Datagram.udp(new byte[] {1}, at("192.168.1.10", 1), at("192.168.1.11", 2)));
    net.runFor(Time.millis(10));

    assertEquals(1, two.received.size());
    assertTrue(outsider.received.isEmpty());
    assertEquals(1, net.linkStats(h1, h2).delivered());
    assertEquals(0, net.linkStats(h1, nat).sent());
    assertFalse(h1.isGateway());
    assertEquals(nat, h1.gateway().orElseThrow());
    assertTrue(nat.isGateway());
  }

  @Test
  void insideHostsGoThroughTheGatewayForUnknownAddresses() {
    StaticNat natEndpoint = new StaticNat(ip("192.168.1.10"), ip("203.0.113.1"));
    Host nat = net.addGateway("nat", natEndpoint, ip("203.0.113.1"));
    RecordingEndpoint inside = new RecordingEndpoint();
    Host h = net.addHostBehind(nat, "inside", inside, ip("192.168.1.10"));

    inside.send(Datagram.udp(new byte[] {1}, at("192.168.1.10", 1), at("198.51.100.7", 2)));
    net.runFor(Time.millis(20));

    // The gateway took it (default route) and forwarded it; only then was there no route.
    assertEquals(1, net.linkStats(h, nat).delivered());
    assertEquals(1, net.dropCount(DropReason.NO_ROUTE));
  }

  @Test
  void onlyGatewaysHaveHostsBehindThem() {
    Host plain = net.addHost("plain", new EchoEndpoint(), ip("198.51.100.1"));
    assertThrows(
        IllegalArgumentException.class,
        () -> net.addHostBehind(plain, "x", new EchoEndpoint(), ip("192.168.1.10")));
  }

  @Test
  void aNatCanSitBehindANat() {
    Host outer =
        net.addGateway(
            "cgnat", new StaticNat(ip("100.64.0.2"), ip("203.0.113.1")), ip("203.0.113.1"));
    Host inner =
        net.addGatewayBehind(
            outer, "home", new StaticNat(ip("192.168.1.10"), ip("100.64.0.2")), ip("100.64.0.2"));
    RecordingEndpoint alice = new RecordingEndpoint();
    net.addHostBehind(inner, "alice", alice, ip("192.168.1.10"));
    RecordingEndpoint server = new RecordingEndpoint();
    net.addHost("server", server, ip("198.51.100.1"));

    alice.send(Datagram.udp(new byte[] {1}, at("192.168.1.10", 4000), at("198.51.100.1", 3478)));
    assertTrue(net.runUntil(() -> !server.received.isEmpty(), Time.seconds(1)));
    assertEquals(at("203.0.113.1", 4000), server.received.get(0).remote());
    assertEquals(Time.millis(15), net.now());
  }
}
