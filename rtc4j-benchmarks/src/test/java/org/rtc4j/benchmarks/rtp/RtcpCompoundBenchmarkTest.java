package org.rtc4j.benchmarks.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each benchmark method a few times per feedback type, so that a broken benchmark fails the
 * build, and checks that stepping through a compound allocates nothing.
 */
class RtcpCompoundBenchmarkTest {
  @ParameterizedTest
  @ValueSource(strings = {"REMB", "TWCC"})
  void parsesAndWritesTheSameCompoundEachTime(String feedback) throws Exception {
    RtcpCompoundBenchmark benchmark = new RtcpCompoundBenchmark();
    benchmark.feedback = feedback;
    benchmark.setUp();
    long view = benchmark.view();
    for (int i = 0; i < 10; i++) {
      assertEquals(view, benchmark.view());
      assertEquals(benchmark.packets(), benchmark.parseAll());
      assertArrayEquals(benchmark.datagram(), benchmark.write());
    }
    assertEquals(3, benchmark.parseAll().size());
    long allocated = Allocation.bytes(10_000, benchmark::view);
    assertTrue(allocated < 1_000, allocated + " bytes allocated by 10,000 views");
  }
}
