package org.rtc4j.benchmarks.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtc4j.dtls.CipherSuite;
import org.rtc4j.dtls.DtlsEndpoint;
import org.rtc4j.dtls.DtlsState;
import org.rtc4j.dtls.NamedGroup;

/**
 * Runs each benchmark configuration's operation twice, so that a broken benchmark fails the build.
 */
class DtlsHandshakeBenchmarkTest {

  @ParameterizedTest
  @CsvSource({"X25519, seeded", "X25519, secure", "SECP256R1, seeded", "SECP256R1, secure"})
  void eachHandshakeConnectsBothEnds(NamedGroup group, String random) {
    DtlsHandshakeBenchmark benchmark = new DtlsHandshakeBenchmark();
    benchmark.suite = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
    benchmark.group = group;
    benchmark.random = random;
    benchmark.setUp();

    DtlsEndpoint first = benchmark.handshake();
    DtlsEndpoint second = benchmark.handshake();

    assertNotSame(first, second);
    for (DtlsEndpoint client : new DtlsEndpoint[] {first, second}) {
      assertEquals(DtlsState.CONNECTED, client.state());
      assertEquals(benchmark.suite, client.cipherSuite());
      assertNotNull(client.peerCertificate());
      assertEquals(0, client.drops().total(), client.drops()::toString);
    }
  }
}
