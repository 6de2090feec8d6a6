package org.rtc4j.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime's configuration: its documented defaults, and what it refuses. */
class NioConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    NioConfig c = NioConfig.defaults();
    assertFalse(c.includeLoopback());
    assertFalse(c.ipv6());
    assertFalse(c.includeLinkLocal());
    assertTrue(c.bindAddresses().isEmpty());
    assertEquals(0, c.portMin());
    assertEquals(0, c.portMax());
    assertEquals(0, c.sharedPort());
    assertEquals(64, c.maxDatagramsPerWakeup());
    assertEquals(4 << 20, c.receiveBufferBytes());
    assertEquals(4 << 20, c.sendBufferBytes());
    assertEquals("rtc4j-nio", c.threadName());
    assertFalse(c.daemon());
    long before = System.nanoTime();
    assertTrue(c.clock().getAsLong() >= before, "the default clock is System::nanoTime");
  }

  @Test
  void theBuilderSetsEverySetting() {
    NioConfig c =
        NioConfig.builder()
            .includeLoopback(true)
            .ipv6(true)
            .includeLinkLocal(true)
            .bindAddresses(List.of(InetAddress.getLoopbackAddress()))
            .portRange(40000, 40100)
            .sharedPort(3478)
            .maxDatagramsPerWakeup(8)
            .receiveBufferBytes(0)
            .sendBufferBytes(1 << 16)
            .maxQueuedTasks(10)
            .maxSharedRoutes(20)
            .threadName("loop")
            .daemon(true)
            .clock(() -> 42)
            .build();
    assertTrue(c.includeLoopback() && c.ipv6() && c.includeLinkLocal() && c.daemon());
    assertEquals(List.of(InetAddress.getLoopbackAddress()), c.bindAddresses());
    assertEquals(40000, c.portMin());
    assertEquals(40100, c.portMax());
    assertEquals(3478, c.sharedPort());
    assertEquals(8, c.maxDatagramsPerWakeup());
    assertEquals(0, c.receiveBufferBytes());
    assertEquals(1 << 16, c.sendBufferBytes());
    assertEquals(10, c.maxQueuedTasks());
    assertEquals(20, c.maxSharedRoutes());
    assertEquals("loop", c.threadName());
    assertEquals(42, c.clock().getAsLong());
  }

  @Test
  void badPortRangesAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> NioConfig.builder().portRange(0, 10).build());
    assertThrows(
        IllegalArgumentException.class, () -> NioConfig.builder().portRange(10, 0).build());
    assertThrows(
        IllegalArgumentException.class, () -> NioConfig.builder().portRange(50, 40).build());
    assertThrows(
        IllegalArgumentException.class, () -> NioConfig.builder().portRange(1, 65536).build());
    assertThrows(IllegalArgumentException.class, () -> NioConfig.builder().sharedPort(-1).build());
  }

  @Test
  void wildcardAndMulticastBindAddressesAreRefused() throws Exception {
    InetAddress any = InetAddress.getByName("0.0.0.0");
    InetAddress group = InetAddress.getByName("224.0.0.251");
    assertThrows(
        IllegalArgumentException.class,
        () -> NioConfig.builder().bindAddresses(List.of(any)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> NioConfig.builder().bindAddresses(List.of(group)).build());
  }

  @Test
  void boundsMustBePositiveAndTheNameNotBlank() {
    assertThrows(
        IllegalArgumentException.class, () -> NioConfig.builder().maxDatagramsPerWakeup(0).build());
    assertThrows(
        IllegalArgumentException.class, () -> NioConfig.builder().maxQueuedTasks(0).build());
    assertThrows(
        IllegalArgumentException.class, () -> NioConfig.builder().maxSharedRoutes(0).build());
    assertThrows(
        IllegalArgumentException.class, () -> NioConfig.builder().receiveBufferBytes(-1).build());
    assertThrows(IllegalArgumentException.class, () -> NioConfig.builder().threadName(" ").build());
    assertThrows(NullPointerException.class, () -> NioConfig.builder().clock(null).build());
  }
}
