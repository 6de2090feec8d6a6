package org.rtc4j.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Which interface addresses become host candidates, on made-up interfaces and on this machine. */
class HostAddressesTest {
  static final long SEED = 0x4E10_2026L;

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static HostAddresses.Interface iface(
      String name, int index, boolean loopback, String... addresses) {
    List<InetAddress> list = new ArrayList<>();
    for (String a : addresses) {
      list.add(ip(a));
    }
    return new HostAddresses.Interface(name, index, true, loopback, false, list);
  }

  static final HostAddresses.Interface LO = iface("lo", 1, true, "::1", "127.0.0.1");
  static final HostAddresses.Interface ETH0 =
      iface("eth0", 2, false, "fe80::1%1", "2001:db8::5", "192.0.2.7");
  static final HostAddresses.Interface WLAN0 = iface("wlan0", 3, false, "198.51.100.3");

  @Test
  void aPlainMachineOffersItsIpv4AddressesInInterfaceOrder() {
    assertEquals(
        List.of(ip("192.0.2.7"), ip("198.51.100.3")),
        HostAddresses.select(List.of(WLAN0, LO, ETH0), false, false, false));
  }

  @Test
  void ipv6ComesAfterIpv4AndLinkLocalOnlyWhenAsked() {
    assertEquals(
        List.of(ip("192.0.2.7"), ip("198.51.100.3"), ip("2001:db8::5")),
        HostAddresses.select(List.of(LO, ETH0, WLAN0), false, true, false));
    List<InetAddress> withLinkLocal =
        HostAddresses.select(List.of(LO, ETH0, WLAN0), false, true, true);
    assertEquals(4, withLinkLocal.size());
    assertTrue(withLinkLocal.get(3).isLinkLocalAddress());
  }

  @Test
  void loopbackComesOnlyWhenAskedAndThenLast() {
    assertEquals(
        List.of(ip("192.0.2.7"), ip("198.51.100.3"), ip("127.0.0.1")),
        HostAddresses.select(List.of(LO, ETH0, WLAN0), true, false, false));
    assertEquals(
        List.of(ip("127.0.0.1"), ip("::1")), HostAddresses.select(List.of(LO), true, true, false));
  }

  @Test
  void downAndVirtualInterfacesAndOddAddressesAreSkipped() {
    HostAddresses.Interface down =
        new HostAddresses.Interface("eth1", 4, false, false, false, List.of(ip("203.0.113.1")));
    HostAddresses.Interface alias =
        new HostAddresses.Interface("eth0:1", 5, true, false, true, List.of(ip("203.0.113.2")));
    HostAddresses.Interface odd = iface("odd", 6, false, "0.0.0.0", "224.0.0.251", "127.0.0.2");
    assertEquals(List.of(), HostAddresses.select(List.of(down, alias, odd), false, true, true));
  }

  @Test
  void anAddressOnTwoInterfacesIsOfferedOnce() {
    HostAddresses.Interface twin = iface("br0", 7, false, "192.0.2.7");
    assertEquals(
        List.of(ip("192.0.2.7")), HostAddresses.select(List.of(ETH0, twin), false, false, false));
  }

  @Test
  void explicitBindAddressesWinOverEnumeration() {
    NioConfig config =
        NioConfig.builder().bindAddresses(List.of(ip("192.0.2.1"), ip("127.0.0.1"))).build();
    assertEquals(List.of(ip("192.0.2.1"), ip("127.0.0.1")), HostAddresses.of(config));
  }

  @Test
  void thisMachineHasLoopbackExactlyWhenAsked() {
    List<InetAddress> with = HostAddresses.of(NioConfig.builder().includeLoopback(true).build());
    List<InetAddress> without = HostAddresses.of(NioConfig.defaults());
    assertTrue(with.contains(ip("127.0.0.1")), "loopback asked for: " + with);
    assertTrue(without.stream().noneMatch(InetAddress::isLoopbackAddress), without.toString());
    assertTrue(without.stream().noneMatch(a -> a instanceof Inet6Address), without.toString());
  }

  /** Any interface list: every address once, each one allowed by the flags, loopback last. */
  @Test
  void theFilterKeepsItsPromisesOnAnyInput() {
    Gen<InetAddress> addresses =
        integers()
            .between(0, 11)
            .map(
                i ->
                    ip(
                        switch (i) {
                          case 0 -> "127.0.0.1";
                          case 1 -> "::1";
                          case 2 -> "fe80::7%1";
                          case 3 -> "0.0.0.0";
                          case 4 -> "224.0.0.1";
                          case 5 -> "2001:db8::1";
                          case 6 -> "2001:db8::2";
                          default -> "192.0.2." + i;
                        }));
    Gen<HostAddresses.Interface> interfaces =
        lists()
            .of(addresses)
            .ofSizeBetween(0, 4)
            .zip(
                integers().between(0, 15),
                (list, bits) ->
                    new HostAddresses.Interface(
                        "if" + bits,
                        bits,
                        (bits & 1) == 0,
                        (bits & 2) != 0,
                        (bits & 4) != 0,
                        list));
    qt().withFixedSeed(SEED)
        .withExamples(2_000)
        .forAll(lists().of(interfaces).ofSizeBetween(0, 5), integers().between(0, 7))
        .checkAssert(
            (list, flags) -> {
              boolean loopback = (flags & 1) != 0;
              boolean ipv6 = (flags & 2) != 0;
              boolean linkLocal = (flags & 4) != 0;
              List<InetAddress> out = HostAddresses.select(list, loopback, ipv6, linkLocal);
              assertEquals(out.size(), new HashSet<>(out).size(), "no duplicates: " + out);
              boolean seenLoopback = false;
              for (InetAddress a : out) {
                assertFalse(a.isAnyLocalAddress() || a.isMulticastAddress(), a.toString());
                assertTrue(loopback || !a.isLoopbackAddress(), a.toString());
                assertTrue(ipv6 || !(a instanceof Inet6Address), a.toString());
                assertTrue(linkLocal || !a.isLinkLocalAddress(), a.toString());
                assertFalse(seenLoopback && !a.isLoopbackAddress(), "loopback last: " + out);
                seenLoopback |= a.isLoopbackAddress();
              }
              assertEquals(out, HostAddresses.select(list, loopback, ipv6, linkLocal));
            });
  }
}
