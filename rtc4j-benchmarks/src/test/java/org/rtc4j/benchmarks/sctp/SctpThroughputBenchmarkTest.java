package org.rtc4j.benchmarks.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtc4j.sctp.SctpState;

/**
 * Runs each benchmark method a few times per configuration, comparing every message received with
 * the one sent, so that a broken benchmark fails the build.
 */
class SctpThroughputBenchmarkTest {

  @ParameterizedTest
  @CsvSource({"1024, false", "1024, true", "65536, false", "65536, true"})
  void everyMessageArrivesIntactInEitherOrder(int size, boolean zeroChecksum) {
    SctpThroughputBenchmark benchmark = new SctpThroughputBenchmark();
    benchmark.size = size;
    benchmark.zeroChecksum = zeroChecksum;
    benchmark.verify = true;
    benchmark.setUp();
    InMemorySctpPair pair = benchmark.pair();

    long packetsBefore = pair.packetsToReceiver();
    for (int i = 0; i < 3; i++) {
      // ordered() also checks that the messages arrive in the order they were sent.
      assertEquals((long) SctpThroughputBenchmark.MESSAGES * size, benchmark.ordered());
      assertEquals((long) SctpThroughputBenchmark.MESSAGES * size, benchmark.unordered());
    }

    // A 1200-byte packet holds at most 1168 bytes of messages behind the common header and an
    // I-DATA chunk header; the sender fills its packets, splitting messages across them.
    long bytes = 6L * SctpThroughputBenchmark.MESSAGES * size;
    long packets = pair.packetsToReceiver() - packetsBefore;
    assertTrue(packets >= (bytes + 1167) / 1168, packets + " packets");
    assertTrue(packets <= bytes / 1000, packets + " packets");
    // No timer had to fire: no retransmission timeout, no delayed SACK holding the sender up.
    assertEquals(0, pair.timerJumps());
    assertEquals(0, pair.now());
    assertTrue(pair.sender.interleaving(), "both offer I-DATA");
    assertEquals(SctpState.ESTABLISHED, pair.sender.state());
    assertEquals(SctpState.ESTABLISHED, pair.receiver.state());
    assertEquals(0, pair.sender.drops().total(), pair.sender.drops()::toString);
    assertEquals(0, pair.receiver.drops().total(), pair.receiver.drops()::toString);
  }
}
