package org.rtc4j.benchmarks.dtls;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rtc4j.common.RandomSource;
import org.rtc4j.dtls.CertificateFingerprint;
import org.rtc4j.dtls.CipherSuite;
import org.rtc4j.dtls.DtlsCertificate;
import org.rtc4j.dtls.DtlsConfig;
import org.rtc4j.dtls.DtlsEndpoint;
import org.rtc4j.dtls.NamedGroup;

/**
 * One whole DTLS 1.2 handshake per operation: a new client and server {@link DtlsEndpoint}, both in
 * memory, from the ClientHello to both ends connected, with mutual ECDSA P-256 authentication and
 * certificate fingerprints as in WebRTC. Certificates and configurations are made once per trial;
 * what is measured is the handshake itself: two ECDHE key pairs and agreements, two ECDSA
 * signatures and their verifications, the PRF, the transcript hashes, the Finished messages and the
 * records that carry them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DtlsHandshakeBenchmark {
  /** Fixed: the certificates' validity is set from it, and no clock is read. */
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  /** The suite both ends offer, and so the one they agree on. */
  @Param({"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"})
  public CipherSuite suite;

  /** The ECDHE group both ends offer. */
  @Param({"X25519", "SECP256R1"})
  public NamedGroup group;

  /**
   * Where the endpoints' randomness comes from: {@code seeded} is {@link RandomSource#seeded}, a
   * fast SplittableRandom; {@code secure} is {@link RandomSource#secure}, the platform's
   * SecureRandom, as in production.
   */
  @Param({"seeded", "secure"})
  public String random;

  private DtlsConfig clientConfig;
  private DtlsConfig serverConfig;
  private List<CertificateFingerprint> clientFingerprints;
  private List<CertificateFingerprint> serverFingerprints;
  private RandomSource clientRandom;
  private RandomSource serverRandom;

  /** Makes the certificates and configurations, once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    DtlsCertificate clientCertificate = DtlsCertificate.selfSigned(EPOCH, RandomSource.seeded(1));
    DtlsCertificate serverCertificate = DtlsCertificate.selfSigned(EPOCH, RandomSource.seeded(2));
    clientConfig =
        DtlsConfig.builder(clientCertificate)
            .cipherSuites(List.of(suite))
            .namedGroups(List.of(group))
            .build();
    serverConfig =
        DtlsConfig.builder(serverCertificate)
            .cipherSuites(List.of(suite))
            .namedGroups(List.of(group))
            .build();
    clientFingerprints = List.of(clientCertificate.fingerprint());
    serverFingerprints = List.of(serverCertificate.fingerprint());
    switch (random) {
      case "seeded" -> {
        clientRandom = RandomSource.seeded(10);
        serverRandom = RandomSource.seeded(11);
      }
      case "secure" -> {
        clientRandom = RandomSource.secure();
        serverRandom = RandomSource.secure();
      }
      default -> throw new IllegalArgumentException("random is seeded or secure, not " + random);
    }
  }

  /** Connects a new client and server; returns the client, connected. */
  @Benchmark
  public DtlsEndpoint handshake() {
    DtlsEndpoint client = DtlsEndpoint.client(clientConfig, clientRandom);
    DtlsEndpoint server = DtlsEndpoint.server(serverConfig, serverRandom);
    client.setRemoteFingerprints(serverFingerprints, 0);
    server.setRemoteFingerprints(clientFingerprints, 0);
    InMemoryHandshake.run(client, server, 0);
    return client;
  }
}
