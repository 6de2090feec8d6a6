package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtc4j.testkit.Addresses.at;
import static org.rtc4j.testkit.Addresses.ip;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.Time;
import org.rtc4j.testkit.TraceEvent.Kind;

class LinkImpairmentTest {
  private static final InetSocketAddress A = at("10.0.0.1", 4000);
  private static final InetSocketAddress B = at("10.0.0.2", 5000);

  /** Two hosts, alice sending to bob over one configured link. */
  private static final class Pair {
    final VirtualNetwork net;
    final RecordingEndpoint alice = new RecordingEndpoint();
    final RecordingEndpoint bob = new RecordingEndpoint();
    final Host a;
    final Host b;

    Pair(long seed, LinkConfig config) {
      net = VirtualNetwork.seeded(seed);
      a = net.addHost("alice", alice, ip("10.0.0.1"));
      b = net.addHost("bob", bob, ip("10.0.0.2"));
      net.link(a, b, config);
    }

    void burst(int count, int size) {
      for (int i = 0; i < count; i++) {
        alice.send(Datagram.udp(RecordingEndpoint.numbered(i, size), A, B));
      }
    }

    void paced(int count, long intervalNanos) {
      alice.sendPaced(0, intervalNanos, count, 100, A, B);
    }

    LinkStats stats() {
      return net.linkStats(a, b);
    }
  }

  /** How many packets arrived after one with a higher number. */
  private static int overtaken(List<Integer> numbers) {
    int max = -1;
    int count = 0;
    for (int n : numbers) {
      if (n < max) {
        count++;
      }
      max = Math.max(max, n);
    }
    return count;
  }

  @Test
  void lossRateMatchesTheConfigurationAndIsReproducible() {
    LinkConfig lossy = LinkConfig.builder().delayNanos(Time.millis(10)).loss(0.2).build();
    Pair p = new Pair(42, lossy);
    p.burst(10_000, 50);
    p.net.runFor(Time.seconds(1));

    int delivered = p.bob.received.size();
    double lostFraction = 1.0 - delivered / 10_000.0;
    assertTrue(Math.abs(lostFraction - 0.2) <= 0.02, "lost fraction " + lostFraction);
    assertEquals(10_000 - delivered, p.stats().lost());
    assertEquals(p.stats().lost(), p.net.dropCount(DropReason.LOSS));
    assertEquals(10_000, p.stats().sent());

    Pair again = new Pair(42, lossy);
    again.burst(10_000, 50);
    again.net.runFor(Time.seconds(1));
    assertEquals(p.bob.receivedNumbers(), again.bob.receivedNumbers());
  }

  @Test
  void reorderedPacketsAreHeldBackAndOvertaken() {
    LinkConfig config = LinkConfig.builder().delayNanos(Time.millis(20)).reorder(0.1).build();
    Pair p = new Pair(3, config);
    p.paced(1000, Time.millis(1));
    p.net.runFor(Time.seconds(2));

    assertEquals(1000, p.bob.received.size());
    assertTrue(overtaken(p.bob.receivedNumbers()) > 0, "no packet was overtaken");
    int heldBack = 0;
    for (RecordingEndpoint.Received r : p.bob.received) {
      long latency = r.timeNanos() - Time.millis(r.number());
      if (latency == Time.millis(40)) { // delay + reorder delay (which defaults to the delay)
        heldBack++;
      } else {
        assertEquals(Time.millis(20), latency, "packet " + r.number());
      }
    }
    assertTrue(heldBack >= 50 && heldBack <= 150, "held back " + heldBack);
  }

  @Test
  void withoutReorderingNothingIsOvertakenEvenWithJitter() {
    LinkConfig config =
        LinkConfig.builder().delayNanos(Time.millis(20)).jitterNanos(Time.millis(15)).build();
    Pair p = new Pair(3, config);
    p.paced(1000, Time.millis(1));
    p.net.runFor(Time.seconds(2));

    assertEquals(1000, p.bob.received.size());
    assertEquals(0, overtaken(p.bob.receivedNumbers()));
  }

  @Test
  void jitterStaysWithinDelayAndDelayPlusJitter() {
    long delay = Time.millis(30);
    long jitter = Time.millis(10);
    Pair p = new Pair(11, LinkConfig.builder().delayNanos(delay).jitterNanos(jitter).build());
    p.paced(2000, Time.millis(5));
    p.net.runFor(Time.seconds(20));

    assertEquals(2000, p.bob.received.size());
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (RecordingEndpoint.Received r : p.bob.received) {
      long latency = r.timeNanos() - Time.millis(5L * r.number());
      assertTrue(latency >= delay && latency <= delay + jitter, "latency " + latency);
      min = Math.min(min, latency);
      max = Math.max(max, latency);
    }
    // The extra delay really varies over its range.
    assertTrue(min < delay + Time.millis(1), "min " + min);
    assertTrue(max > delay + jitter - Time.millis(1), "max " + max);
  }

  @Test
  void duplicationDeliversExtraCopiesAtTheConfiguredRate() {
    Pair p = new Pair(5, LinkConfig.builder().delayNanos(Time.millis(1)).duplication(0.1).build());
    p.burst(10_000, 20);
    p.net.runFor(Time.seconds(1));

    int extra = p.bob.received.size() - 10_000;
    assertTrue(extra >= 850 && extra <= 1150, "duplicates " + extra);
    assertEquals(extra, p.stats().duplicated());
    assertEquals(p.bob.received.size(), p.stats().delivered());
    assertEquals(extra, p.net.trace().stream().filter(e -> e.kind() == Kind.DUPLICATE).count());
    int[] seen = new int[10_000];
    for (int n : p.bob.receivedNumbers()) {
      seen[n]++;
    }
    for (int n = 0; n < seen.length; n++) {
      assertTrue(seen[n] == 1 || seen[n] == 2, "packet " + n + " arrived " + seen[n] + " times");
    }
  }

  @Test
  void payloadOfTheMtuPassesAndOneByteMoreIsDropped() {
    Pair p = new Pair(1, LinkConfig.builder().mtu(1200).build());
    p.alice.send(Datagram.udp(RecordingEndpoint.numbered(0, 1200), A, B));
    p.alice.send(Datagram.udp(RecordingEndpoint.numbered(1, 1201), A, B));
    p.net.runFor(Time.millis(1));

    assertEquals(List.of(0), p.bob.receivedNumbers());
    assertEquals(new LinkStats(2, 1, 0, 1, 0, 0, 1200), p.stats());
    assertEquals(1, p.net.dropCount(DropReason.MTU));
    assertEquals(
        1,
        p.net.trace().stream()
            .filter(e -> e.kind() == Kind.DROP_MTU && e.length() == 1201)
            .count());
  }

  @Test
  void bandwidthSerializesPacketsOneAtATime() {
    long delay = Time.millis(20);
    Pair p =
        new Pair(
            1, LinkConfig.builder().delayNanos(delay).bandwidthBitsPerSecond(1_000_000).build());
    p.burst(100, 1000); // 8 ms each at 1 Mbit/s

    assertTrue(p.net.runUntil(() -> p.bob.received.size() == 100, Time.seconds(5)));

    assertEquals(Time.millis(800) + delay, p.net.now());
    for (RecordingEndpoint.Received r : p.bob.received) {
      assertEquals(Time.millis(8L * (r.number() + 1)) + delay, r.timeNanos(), "" + r.number());
    }
    assertEquals(100_000, p.stats().bytesDelivered());
  }

  @Test
  void aFullQueueDropsTheTail() {
    LinkConfig config =
        LinkConfig.builder()
            .bandwidthBitsPerSecond(1_000_000)
            .maxQueueDelayNanos(Time.millis(100))
            .build();
    Pair p = new Pair(1, config);
    p.burst(100, 1000);
    p.net.runFor(Time.seconds(2));

    // Packet i would start after i * 8 ms of queueing: only i <= 12 wait at most 100 ms.
    assertEquals(13, p.bob.received.size());
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), p.bob.receivedNumbers());
    assertEquals(87, p.stats().queueDropped());
    assertEquals(87, p.net.dropCount(DropReason.QUEUE_FULL));
    assertEquals(87, p.net.trace().stream().filter(e -> e.kind() == Kind.DROP_QUEUE).count());
  }

  @Test
  void queueDrainsSoLaterPacketsAreAcceptedAgain() {
    LinkConfig config =
        LinkConfig.builder()
            .bandwidthBitsPerSecond(1_000_000)
            .maxQueueDelayNanos(Time.millis(100))
            .build();
    Pair p = new Pair(1, config);
    p.burst(100, 1000);
    p.alice.sendAt(Time.seconds(1), Datagram.udp(RecordingEndpoint.numbered(500, 1000), A, B));
    p.net.runFor(Time.seconds(2));
    assertEquals(14, p.bob.received.size());
    assertEquals(Time.seconds(1) + Time.millis(8), p.bob.received.get(13).timeNanos());
  }
}
