package org.rtc4j.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiscTest {
  enum Reason {
    SHORT,
    BAD_MAC
  }

  @Test
  void dropCountsCountPerReason() {
    DropCounts<Reason> d = new DropCounts<>(Reason.class);
    d.increment(Reason.SHORT);
    d.increment(Reason.SHORT);
    d.increment(Reason.BAD_MAC);
    assertEquals(2, d.get(Reason.SHORT));
    assertEquals(3, d.total());
    assertEquals(Map.of(Reason.SHORT, 2L, Reason.BAD_MAC, 1L), d.snapshot());
  }

  @Test
  void seededRandomIsReproducibleAndSeedDependent() {
    byte[] a = new byte[13];
    byte[] b = new byte[13];
    RandomSource.seeded(42).nextBytes(a);
    RandomSource.seeded(42).nextBytes(b);
    assertArrayEquals(a, b);
    RandomSource.seeded(43).nextBytes(b);
    assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
    RandomSource r = RandomSource.seeded(1);
    for (int i = 0; i < 1000; i++) {
      int v = r.nextInt(7);
      assertTrue(v >= 0 && v < 7);
      double x = r.nextDouble();
      assertTrue(x >= 0 && x < 1);
    }
    assertThrows(IllegalArgumentException.class, () -> r.nextInt(0));
  }

  @Test
  void datagramViewsItsRegion() throws ParseException {
    InetSocketAddress local = new InetSocketAddress("192.0.2.1", 5000);
    InetSocketAddress remote = new InetSocketAddress("198.51.100.2", 6000);
    byte[] buf = {9, 1, 2, 3, 9};
    Datagram d = new Datagram(buf, 1, 3, local, remote, TransportProtocol.UDP, Ecn.ECT_0);
    assertArrayEquals(new byte[] {1, 2, 3}, d.copyPayload());
    assertEquals(2, d.byteAt(1));
    assertEquals(0x010203, d.reader().u24());
    assertEquals(Ecn.ECT_0, d.ecn().orElseThrow());
    Datagram r = d.reversed();
    assertEquals(remote, r.local());
    assertEquals(local, r.remote());
    assertThrows(IndexOutOfBoundsException.class, () -> d.byteAt(3));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> new Datagram(buf, 3, 3, local, remote, TransportProtocol.UDP, null));
    assertTrue(Datagram.udp(buf, local, remote).ecn().isEmpty());
    Datagram tcp = new Datagram(buf, 0, 5, local, remote, TransportProtocol.TCP, null);
    Datagram answer = tcp.reply(new byte[] {4, 2});
    assertEquals(local, answer.local());
    assertEquals(remote, answer.remote());
    assertEquals(TransportProtocol.TCP, answer.transport());
    assertEquals(2, answer.length());
  }

  @Test
  void ecnCodepointsMatchRfc3168() {
    assertEquals(Ecn.CE, Ecn.fromBits(0xFF));
    assertEquals(Ecn.ECT_0, Ecn.fromBits(0b10));
    assertEquals(Ecn.ECT_1, Ecn.fromBits(0b01));
    assertEquals(Ecn.NOT_ECT, Ecn.fromBits(0b100));
    for (Ecn e : Ecn.values()) {
      assertEquals(e, Ecn.fromBits(e.bits()));
    }
  }
}
