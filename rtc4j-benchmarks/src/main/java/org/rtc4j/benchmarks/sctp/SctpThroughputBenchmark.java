package org.rtc4j.benchmarks.sctp;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rtc4j.sctp.PayloadProtocolId;
import org.rtc4j.sctp.SctpConfig;
import org.rtc4j.sctp.SctpEvent;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.SendStatus;

/**
 * Bulk transfer between two {@link org.rtc4j.sctp.SctpAssociation}s in one thread ({@link
 * InMemorySctpPair}: no loss, no delay, a virtual clock): the CPU cost of SCTP per message, both
 * ends together. One operation is one message; each invocation sends {@value #MESSAGES} of them on
 * one stream and pumps packets both ways until the receiver has polled them all, so the score is
 * the time per message and {@code size * 8 / score} the throughput in Gbit/s.
 *
 * <p>The sender cuts its messages into I-DATA chunks that fill packets of the MTU (1200 bytes: 1168
 * bytes of messages behind the common header and one chunk header, so a 1 KiB message often spans
 * two packets), computes their CRC32c, and processes a SACK for every second packet; the receiver
 * checks the CRC32c, parses the packets, tracks the TSNs, reassembles the messages, builds the
 * SACKs and hands over each message in a {@link SctpEvent.MessageReceived}. The receiver's SACKs
 * reach the sender before its next packet leaves ({@link InMemorySctpPair#exchange}). DTLS is left
 * out.
 *
 * <ul>
 *   <li>{@link #ordered}: reliable, ordered messages ({@link SendOptions#RELIABLE}), a data
 *       channel's default.
 *   <li>{@link #unordered}: reliable, unordered ones.
 * </ul>
 *
 * The associations stay connected for the whole trial, so their congestion windows are open from
 * the first invocations on. The sender queues as many of the batch's messages as its send buffer (4
 * MiB) takes, all of them for 1 KiB messages, and queues more whenever it has sent what it had.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SctpThroughputBenchmark {
  /** Messages per invocation. */
  static final int MESSAGES = 1000;

  private static final SendOptions UNORDERED = SendOptions.unorderedReliable();

  /** Message bytes. */
  @Param({"1024", "65536"})
  public int size;

  /**
   * Whether both ends offer zero checksums (RFC 9653), as browsers do over DTLS: then no CRC32c is
   * computed or checked.
   */
  @Param({"false", "true"})
  public boolean zeroChecksum;

  /** Whether every received message is also compared byte for byte (the smoke test sets it). */
  boolean verify;

  private final Consumer<SctpEvent.MessageReceived> sink = this::receive;
  private InMemorySctpPair pair;
  private Payloads payloads;
  private boolean unordered;
  private int received;
  private long receivedBytes;

  /** Connects the two associations and makes the payloads, once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    pair = InMemorySctpPair.connect(SctpConfig.builder().zeroChecksum(zeroChecksum).build(), 42);
    payloads = new Payloads(size, 42);
  }

  /** Sends {@value #MESSAGES} reliable ordered messages; returns the bytes received. */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public long ordered() {
    return transfer(SendOptions.RELIABLE);
  }

  /** Sends {@value #MESSAGES} reliable unordered messages; returns the bytes received. */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public long unordered() {
    return transfer(UNORDERED);
  }

  /** The pair, for the smoke test's checks. */
  InMemorySctpPair pair() {
    return pair;
  }

  private long transfer(SendOptions options) {
    unordered = options.unordered();
    received = 0;
    receivedBytes = 0;
    int sent = 0;
    while (received < MESSAGES) {
      while (sent < MESSAGES
          && pair.sender.send(
                  Payloads.STREAM, PayloadProtocolId.BINARY, payloads.get(sent), options)
              == SendStatus.QUEUED) {
        sent++;
      }
      if (!pair.exchange(sink)) {
        pair.advanceToNextTimer();
      }
    }
    return receivedBytes;
  }

  private void receive(SctpEvent.MessageReceived m) {
    check(m, received, unordered);
    received++;
    receivedBytes += m.payload().length;
  }

  private void check(SctpEvent.MessageReceived m, int received, boolean unordered) {
    byte[] p = m.payload();
    if (p.length != size || m.streamId() != Payloads.STREAM || m.unordered() != unordered) {
      throw new IllegalStateException("unexpected message " + m + ", unordered " + m.unordered());
    }
    int index = payloads.indexOf(p);
    if (index < 0 || !unordered && index != received % Payloads.COUNT) {
      throw new IllegalStateException("message " + received + " is payload " + index);
    }
    if (verify && (m.ppid() != PayloadProtocolId.BINARY || !payloads.isIntact(index, p))) {
      throw new IllegalStateException("message " + received + " arrived damaged");
    }
  }
}
