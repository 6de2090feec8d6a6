package org.rtc4j.benchmarks.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rtc4j.common.Time;
import org.rtc4j.testkit.LinkConfig;

/**
 * Runs short versions of the goodput measurement, so that a broken measurement fails the build.
 * Every run also checks each message that arrives against the one sent.
 */
class SctpVirtualThroughputTest {
  private static final LinkConfig RTT_50_MS =
      LinkConfig.builder().delayNanos(Time.millis(25)).build();

  @Test
  void aClearLinkRetransmitsNothingAndIsBoundByTheReceiveWindow() {
    SctpVirtualThroughput.Scenario clear =
        new SctpVirtualThroughput.Scenario("clear", RTT_50_MS, 1024, "");
    SctpVirtualThroughput.Result r =
        SctpVirtualThroughput.run(clear, Time.seconds(4), Time.seconds(1), 7);

    assertEquals(0, r.lost());
    assertEquals(0, r.retransmitted());
    assertTrue(r.packets() > 0 && r.dataChunks() >= r.packets(), r::toString);
    // The receiver advertises at most its buffer (the default, 5 MiB): no more per round trip.
    double ceiling = (5 << 20) * 8 / 0.050 / 1e6;
    assertTrue(r.goodputMbps() > ceiling / 2 && r.goodputMbps() < ceiling, r::toString);
  }

  @Test
  void lostPacketsComeBackAsRetransmissions() {
    SctpVirtualThroughput.Scenario lossy =
        new SctpVirtualThroughput.Scenario(
            "lossy", RTT_50_MS.toBuilder().loss(0.05).build(), 1024, "");
    SctpVirtualThroughput.Result r =
        SctpVirtualThroughput.run(lossy, Time.seconds(2), Time.seconds(10), 7);

    assertTrue(r.lost() > 0, r::toString);
    assertTrue(r.retransmitted() > 0, r::toString);
    assertTrue(r.goodputMbps() > 0, r::toString);
  }

  @Test
  void withoutDelayTheTransferIsTimedOnTheWallClock() {
    SctpVirtualThroughput.Scenario unlimited =
        new SctpVirtualThroughput.Scenario("unlimited", LinkConfig.ideal(), 1024, "");
    SctpVirtualThroughput.Result r = SctpVirtualThroughput.runUnlimited(unlimited, 20_000, 7);

    assertEquals(0, r.retransmitted());
    assertTrue(r.dataChunks() >= 20_000L * 1024 / 1168, r::toString);
    assertTrue(r.goodputMbps() > 0 && r.wallSeconds() > 0, r::toString);
  }

  @Test
  void everyScenarioIsOneRowOfTheTable() {
    SctpVirtualThroughput.Scenario lossy = SctpVirtualThroughput.scenarios().get(3);
    SctpVirtualThroughput.Result r =
        SctpVirtualThroughput.run(lossy, Time.seconds(1), Time.seconds(2), 7);
    String row = SctpVirtualThroughput.row(r);

    assertTrue(row.startsWith("| " + lossy.name() + " | 1 KiB | "), row);
    assertEquals(12 + 1, row.chars().filter(c -> c == '|').count(), "twelve cells: " + row);
  }
}
