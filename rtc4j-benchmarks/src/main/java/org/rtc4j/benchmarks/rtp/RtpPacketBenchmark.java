package org.rtc4j.benchmarks.rtp;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.HeaderExtensions;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.RtpWriter;
import org.rtc4j.rtp.extension.AbsSendTime;
import org.rtc4j.rtp.extension.TransportSequenceNumber;

/**
 * One RTP packet as browsers send video: a 1200-byte payload and two one-byte header extensions,
 * abs-send-time (id 2) and the transport-wide sequence number (id 3). {@link #parse} wraps it with
 * a reused {@link RtpPacket} and reads the fixed header and every extension element; {@link
 * #parseTyped} also reads the two extensions' values through their records; {@link #write} writes
 * it with a reused {@link RtpWriter}. None of them should allocate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RtpPacketBenchmark {
  /** The payload's length: a full datagram's worth of video. */
  static final int PAYLOAD_LENGTH = 1200;

  static final int ABS_SEND_TIME_ID = 2;
  static final int TRANSPORT_CC_ID = 3;

  private final RtpPacket packet = new RtpPacket();
  private final RtpWriter writer = new RtpWriter();
  private byte[] payload;
  private byte[] datagram;
  private int length;
  private byte[] out;

  /** Writes the packet that {@link #parse} reads. */
  @Setup(Level.Trial)
  public void setUp() {
    payload = new byte[PAYLOAD_LENGTH];
    new SplittableRandom(42).nextBytes(payload);
    datagram = new byte[1500];
    out = new byte[1500];
    length = writeInto(datagram);
  }

  /** Wraps the packet and reads its fixed header and extension elements; returns a checksum. */
  @Benchmark
  public long parse() throws ParseException {
    packet.wrap(datagram, 0, length);
    long sum =
        packet.sequenceNumber()
            + packet.timestamp()
            + packet.ssrc()
            + packet.payloadType()
            + (packet.marker() ? 1 : 0)
            + packet.payloadOffset()
            + packet.payloadLength();
    HeaderExtensions extensions = packet.extensions();
    while (extensions.next()) {
      sum += extensions.id() * 31L + extensions.offset() + extensions.length();
    }
    return sum;
  }

  /** As {@link #parse}, and reads the two extensions' values through their typed records. */
  @Benchmark
  public long parseTyped() throws ParseException {
    packet.wrap(datagram, 0, length);
    long sum = packet.sequenceNumber() + packet.timestamp() + packet.ssrc();
    HeaderExtensions extensions = packet.extensions();
    while (extensions.next()) {
      if (extensions.id() == ABS_SEND_TIME_ID) {
        sum += AbsSendTime.parse(datagram, extensions.offset(), extensions.length()).value();
      } else if (extensions.id() == TRANSPORT_CC_ID) {
        sum +=
            TransportSequenceNumber.parse(datagram, extensions.offset(), extensions.length())
                .value();
      }
    }
    return sum + packet.payloadLength();
  }

  /** Writes the packet; returns its length. */
  @Benchmark
  public int write() {
    return writeInto(out);
  }

  private int writeInto(byte[] buffer) {
    return writer
        .start(buffer, 0, buffer.length)
        .payloadType(96)
        .marker(true)
        .sequenceNumber(8000)
        .timestamp(123456)
        .ssrc(0x1a2b3c4dL)
        .extension(ABS_SEND_TIME_ID, new AbsSendTime(0x0c3a94))
        .extension(TRANSPORT_CC_ID, new TransportSequenceNumber(258))
        .payload(payload, 0, payload.length)
        .finish();
  }
}
