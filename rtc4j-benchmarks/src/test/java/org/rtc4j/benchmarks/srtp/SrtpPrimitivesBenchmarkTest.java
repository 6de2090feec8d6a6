package org.rtc4j.benchmarks.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Runs each benchmark method a few times, so that a broken benchmark fails the build. */
class SrtpPrimitivesBenchmarkTest {

  @Test
  void runsEachPrimitive() throws Exception {
    SrtpPrimitivesBenchmark benchmark = new SrtpPrimitivesBenchmark();
    benchmark.setUp();
    for (int i = 0; i < 10; i++) {
      benchmark.keystream();
      benchmark.ghash();
      benchmark.hmacSha1();
      assertEquals(1216, benchmark.jdkGcmSeal());
    }
  }
}
