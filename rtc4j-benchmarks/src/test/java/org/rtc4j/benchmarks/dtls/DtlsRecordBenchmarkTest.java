package org.rtc4j.benchmarks.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rtc4j.dtls.CipherSuite;
import org.rtc4j.dtls.DtlsEvent;

/** Runs each benchmark method a few times, so that a broken benchmark fails the build. */
class DtlsRecordBenchmarkTest {

  private static DtlsRecordBenchmark connected() {
    DtlsRecordBenchmark benchmark = new DtlsRecordBenchmark();
    benchmark.suite = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
    benchmark.size = 1200;
    benchmark.setUp();
    return benchmark;
  }

  @Test
  void sendGivesOneFullDatagramPerRecord() {
    DtlsRecordBenchmark benchmark = connected();
    for (int i = 0; i < 10; i++) {
      // 13-byte record header, 8-byte explicit nonce, 16-byte tag.
      assertEquals(1200 + 37, benchmark.send().length);
    }
  }

  @Test
  void everyRecordArrivesIntact() {
    DtlsRecordBenchmark benchmark = connected();
    byte[] expected = new byte[1200];
    new SplittableRandom(42).nextBytes(expected);
    // More records than the 64-entry replay window: none may be taken for a replay.
    for (int i = 0; i < 100; i++) {
      DtlsEvent.ApplicationData data =
          assertInstanceOf(DtlsEvent.ApplicationData.class, benchmark.sendAndReceive());
      assertArrayEquals(expected, data.data());
    }
  }
}
