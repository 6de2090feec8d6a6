package org.rtc4j.benchmarks.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Runs each benchmark method a few times, so that a broken benchmark fails the build, and checks
 * that reading and writing allocate nothing, even before the JIT's escape analysis.
 */
class RtpPacketBenchmarkTest {
  private static RtpPacketBenchmark setUp() {
    RtpPacketBenchmark benchmark = new RtpPacketBenchmark();
    benchmark.setUp();
    return benchmark;
  }

  @Test
  void readsAndWritesTheSamePacketEachTime() throws Exception {
    RtpPacketBenchmark benchmark = setUp();
    long parsed = benchmark.parse();
    long typed = benchmark.parseTyped();
    // 12-byte header, 4-byte extension header, 8 bytes of elements (4 + 3, padded), payload.
    int length = 12 + 4 + 8 + RtpPacketBenchmark.PAYLOAD_LENGTH;
    for (int i = 0; i < 10; i++) {
      assertEquals(parsed, benchmark.parse());
      assertEquals(typed, benchmark.parseTyped());
      assertEquals(length, benchmark.write());
    }
    assertEquals(8000 + 123456 + 0x1a2b3c4dL + 0x0c3a94 + 258 + 1200, typed);
  }

  @Test
  void parseAndWriteAllocateNothing() throws Exception {
    RtpPacketBenchmark benchmark = setUp();
    // One allocation per call would be at least 16 bytes times 10,000; what remains is the
    // measurement's own.
    long parse = Allocation.bytes(10_000, benchmark::parse);
    assertTrue(parse < 1_000, parse + " bytes allocated by 10,000 parses");
    long write = Allocation.bytes(10_000, benchmark::write);
    // write() builds two small extension records per packet; escape analysis removes them once
    // compiled, which a test cannot count on, so allow them here.
    assertTrue(write <= 10_000 * 2 * 24 + 1_000, write + " bytes allocated by 10,000 writes");
  }
}
