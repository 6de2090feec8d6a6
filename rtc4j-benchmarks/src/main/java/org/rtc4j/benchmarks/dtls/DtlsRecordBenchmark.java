package org.rtc4j.benchmarks.dtls;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
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
import org.rtc4j.dtls.CipherSuite;
import org.rtc4j.dtls.DtlsCertificate;
import org.rtc4j.dtls.DtlsConfig;
import org.rtc4j.dtls.DtlsEndpoint;
import org.rtc4j.dtls.DtlsEvent;

/**
 * Application data through two connected {@link DtlsEndpoint}s, the whole per-record path: {@link
 * #send} builds and seals a record and queues its datagram; {@link #sendAndReceive} also hands that
 * datagram to the peer, which parses the record, checks the replay window, opens it and queues the
 * event, and polls the event.
 *
 * <p>Every send takes the next sequence number, so the receiver's replay window accepts each record
 * operation after operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DtlsRecordBenchmark {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  /** The suite the endpoints agree on, and so the AEAD of the records. */
  @Param({"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"})
  public CipherSuite suite;

  /**
   * Application data bytes per record. The datagram is 37 bytes longer: the 13-byte record header
   * and the AEAD's overhead.
   */
  @Param({"1200"})
  public int size;

  private DtlsEndpoint sender;
  private DtlsEndpoint receiver;
  private byte[] payload;

  /** Connects the two endpoints, once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    DtlsCertificate clientCertificate = DtlsCertificate.selfSigned(EPOCH, RandomSource.seeded(1));
    DtlsCertificate serverCertificate = DtlsCertificate.selfSigned(EPOCH, RandomSource.seeded(2));
    sender =
        DtlsEndpoint.client(
            DtlsConfig.builder(clientCertificate).cipherSuites(List.of(suite)).build(),
            RandomSource.seeded(10));
    receiver =
        DtlsEndpoint.server(
            DtlsConfig.builder(serverCertificate).cipherSuites(List.of(suite)).build(),
            RandomSource.seeded(11));
    sender.setRemoteFingerprints(List.of(serverCertificate.fingerprint()), 0);
    receiver.setRemoteFingerprints(List.of(clientCertificate.fingerprint()), 0);
    InMemoryHandshake.run(sender, receiver, 0);
    if (sender.cipherSuite() != suite) {
      throw new IllegalStateException("negotiated " + sender.cipherSuite() + ", not " + suite);
    }
    while (sender.pollEvent() != null || receiver.pollEvent() != null) {
      // The Connected events: not part of what is measured.
    }
    payload = new byte[size];
    new SplittableRandom(42).nextBytes(payload);
  }

  /** Sends one record; returns its datagram. */
  @Benchmark
  public byte[] send() {
    sender.send(payload, 0, size);
    return sender.pollWrite();
  }

  /** Sends one record and receives it at the peer; returns the peer's event. */
  @Benchmark
  public DtlsEvent sendAndReceive() {
    sender.send(payload, 0, size);
    byte[] datagram = sender.pollWrite();
    receiver.handleRead(datagram, 0, datagram.length, 0);
    DtlsEvent event = receiver.pollEvent();
    if (!(event instanceof DtlsEvent.ApplicationData data) || data.data().length != size) {
      throw new IllegalStateException(
          "the record did not arrive: " + event + " " + receiver.drops());
    }
    return event;
  }
}
