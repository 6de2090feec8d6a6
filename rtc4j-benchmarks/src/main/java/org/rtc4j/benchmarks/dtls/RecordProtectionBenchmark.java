package org.rtc4j.benchmarks.dtls;

import java.util.Arrays;
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
import org.rtc4j.dtls.CipherSuite;
import org.rtc4j.dtls.crypto.RecordProtection;

/**
 * The AEAD of one DTLS 1.2 record, {@link RecordProtection}, alone: {@link #seal} a plaintext into
 * a preallocated buffer, and {@link #open} a sealed record into another. No record header, no
 * replay window: those are in {@link DtlsRecordBenchmark}.
 *
 * <p>Each seal uses the next sequence number, as a sender does: the JDK refuses to encrypt twice
 * under one key and nonce. {@link #open} opens records sealed in setup, taking them in turn, so
 * that two opens in a row never see the same nonce, as a receiver would not. (Opening one
 * ChaCha20-Poly1305 record over and over costs an extra cipher initialisation, a path {@link
 * RecordProtection} takes only for duplicated or forged records.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordProtectionBenchmark {
  /** RFC 6347 §4.1: the epoch is the top 16 bits of the 64-bit epoch-and-sequence. */
  private static final long EPOCH_1 = 1L << 48;

  /** RFC 5246 §6.2.1: application_data. */
  private static final int APPLICATION_DATA = 23;

  /** RFC 6347 §4.1: DTLS 1.2 on the wire. */
  private static final int DTLS_1_2 = 0xFEFD;

  /** How many different sealed records {@link #open} takes in turn; a power of two. */
  private static final int SEALED_RECORDS = 4;

  /** The AEAD: AES-128-GCM, AES-256-GCM or ChaCha20-Poly1305. */
  @Param({
    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"
  })
  public CipherSuite suite;

  /** Plaintext bytes per record: a full datagram's worth of media or data. */
  @Param({"1200"})
  public int size;

  private RecordProtection sealing;
  private RecordProtection opening;
  private byte[] plaintext;
  private byte[] sealed;
  private long nextSequence;
  private byte[][] records;
  private long[] recordSequences;
  private byte[] opened;
  private int nextRecord;

  /** Derives keys, and seals the records {@link #open} takes, checking that they open. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    byte[] key = bytes(random, suite.keyLength());
    byte[] iv = bytes(random, suite.fixedIvLength());
    sealing = RecordProtection.create(suite, key, iv);
    opening = RecordProtection.create(suite, key, iv);
    plaintext = bytes(random, size);
    sealed = new byte[size + sealing.overhead()];
    opened = new byte[size];
    RecordProtection setupSealing = RecordProtection.create(suite, key, iv);
    records = new byte[SEALED_RECORDS][];
    recordSequences = new long[SEALED_RECORDS];
    for (int i = 0; i < SEALED_RECORDS; i++) {
      recordSequences[i] = EPOCH_1 | (1_000_000_000L + i);
      records[i] = new byte[size + setupSealing.overhead()];
      setupSealing.seal(
          recordSequences[i], APPLICATION_DATA, DTLS_1_2, plaintext, 0, size, records[i], 0);
    }
    for (int i = 0; i < SEALED_RECORDS; i++) {
      if (open() != size || !Arrays.equals(opened, plaintext)) {
        throw new IllegalStateException("a record sealed in setup did not open with " + suite);
      }
    }
  }

  /** Seals {@link #size} bytes under the next sequence number; returns the sealed length. */
  @Benchmark
  public int seal() {
    long epochAndSequence = EPOCH_1 | nextSequence++;
    return sealing.seal(
        epochAndSequence, APPLICATION_DATA, DTLS_1_2, plaintext, 0, size, sealed, 0);
  }

  /** Opens the next of the sealed records; returns the plaintext's length. */
  @Benchmark
  public int open() {
    int i = nextRecord++ & (SEALED_RECORDS - 1);
    byte[] record = records[i];
    int n =
        opening.open(
            recordSequences[i], APPLICATION_DATA, DTLS_1_2, record, 0, record.length, opened, 0);
    if (n != size) {
      throw new IllegalStateException("a record did not open: " + n);
    }
    return n;
  }

  private static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
