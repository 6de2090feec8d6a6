package org.rtc4j.benchmarks.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtc4j.dtls.CipherSuite;

/** Runs each benchmark method a few times per suite, so that a broken benchmark fails the build. */
class RecordProtectionBenchmarkTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"
      })
  void sealsAndOpensEachOperation(CipherSuite suite) {
    RecordProtectionBenchmark benchmark = new RecordProtectionBenchmark();
    benchmark.suite = suite;
    benchmark.size = 1200;
    benchmark.setUp();

    int overhead = suite.explicitNonceLength() + suite.tagLength();
    for (int i = 0; i < 10; i++) {
      assertEquals(1200 + overhead, benchmark.seal());
      assertEquals(1200, benchmark.open());
    }
  }
}
