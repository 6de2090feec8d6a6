package org.rtc4j.benchmarks.rtp;

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
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.rtcp.Remb;
import org.rtc4j.rtp.rtcp.ReportBlock;
import org.rtc4j.rtp.rtcp.RtcpCompound;
import org.rtc4j.rtp.rtcp.RtcpPacket;
import org.rtc4j.rtp.rtcp.SdesChunk;
import org.rtc4j.rtp.rtcp.SenderReport;
import org.rtc4j.rtp.rtcp.SourceDescription;
import org.rtc4j.rtp.rtcp.TransportCc;

/**
 * One compound RTCP packet as a browser sends it: an SR with one report block, an SDES with its
 * CNAME, and either a REMB or a transport-wide feedback packet of 100 sequence numbers (losses,
 * small and large deltas). {@link #view} steps through it with a reused {@link RtcpCompound},
 * reading each header in place; {@link #parseAll} parses every packet as its type, the records and
 * lists that allocates included; {@link #write} writes the records back.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RtcpCompoundBenchmark {
  /** What follows the SR and SDES: {@code REMB} or {@code TWCC}. */
  @Param({"REMB", "TWCC"})
  public String feedback;

  private final RtcpCompound compound = new RtcpCompound();
  private byte[] datagram;
  private List<RtcpPacket> packets;

  /** Writes the compound packet. */
  @Setup(Level.Trial)
  public void setUp() {
    long sender = 0x1a2b3c4dL;
    RtcpPacket last =
        switch (feedback) {
          case "REMB" -> Remb.of(sender, 2_500_000, List.of(0x11111111L, 0x22222222L));
          case "TWCC" -> transportCc(sender);
          default -> throw new IllegalArgumentException(feedback);
        };
    packets =
        List.of(
            new SenderReport(
                sender,
                0xe9a0f3c48b439581L,
                123456,
                1000,
                1_200_000,
                List.of(new ReportBlock(0x11111111L, 3, 12, 0x11f40, 40, 0xf3c48b43L, 0x8000))),
            new SourceDescription(List.of(SdesChunk.cname(sender, "GvpFDE7VE3Bo4u8N"))),
            last);
    datagram = RtcpCompound.toByteArray(packets);
  }

  /** 100 packets: mostly 1 ms apart, a few lost, some late. */
  private static TransportCc transportCc(long sender) {
    TransportCc.Builder builder = new TransportCc.Builder(sender, 0x11111111L, 4000, 0x13a1, 7);
    for (int i = 0; i < 100; i++) {
      if (i % 17 == 5) {
        builder.notReceived();
      } else if (i % 23 == 11) {
        builder.received(-40);
      } else {
        builder.received(4);
      }
    }
    return builder.build();
  }

  /** Wraps the compound and reads each packet's header in place; returns a checksum. */
  @Benchmark
  public long view() throws ParseException {
    compound.wrap(datagram, 0, datagram.length);
    long sum = 0;
    while (compound.next()) {
      sum += compound.packetType() * 31L + compound.count() + compound.offset() + compound.length();
    }
    return sum;
  }

  /** Parses every packet of the compound as its type. */
  @Benchmark
  public List<RtcpPacket> parseAll() throws ParseException {
    return RtcpCompound.parseAll(datagram, 0, datagram.length);
  }

  /** Writes the compound from its records. */
  @Benchmark
  public byte[] write() {
    return RtcpCompound.toByteArray(packets);
  }

  /** The compound's bytes, for the smoke test. */
  byte[] datagram() {
    return datagram;
  }

  /** The compound's records, for the smoke test. */
  List<RtcpPacket> packets() {
    return packets;
  }
}
