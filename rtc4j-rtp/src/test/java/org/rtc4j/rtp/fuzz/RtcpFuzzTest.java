package org.rtc4j.rtp.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;
import org.rtc4j.rtp.rtcp.Nack;
import org.rtc4j.rtp.rtcp.Remb;
import org.rtc4j.rtp.rtcp.RtcpCompound;
import org.rtc4j.rtp.rtcp.RtcpPacket;
import org.rtc4j.rtp.rtcp.SenderReport;
import org.rtc4j.rtp.rtcp.SourceDescription;
import org.rtc4j.rtp.rtcp.TransportCc;
import org.rtc4j.rtp.rtcp.UnknownRtcp;

/**
 * Jazzer fuzz target for RTCP parsing. Without {@code JAZZER_FUZZ} it runs as an ordinary test over
 * the seeds in {@code RtcpFuzzTestInputs/} (see {@code package-info.java} for how to fuzz for
 * real).
 */
class RtcpFuzzTest {
  /**
   * Parses arbitrary bytes as a compound packet, as they are and with the first packet's framing
   * mended. {@link ParseException} is the only way to refuse them; what parses must be usable, and
   * written and parsed again must give the same packets and, from then on, the same bytes.
   */
  @FuzzTest
  void parse(byte[] data) {
    for (byte[] compound : asReceivedAndMended(data)) {
      parseAndUse(compound);
    }
  }

  private static void parseAndUse(byte[] data) {
    List<RtcpPacket> packets;
    try {
      packets = RtcpCompound.parseAll(data, 0, data.length);
    } catch (ParseException e) {
      assertEquals("refused: " + e.getMessage(), parseInsideLargerArray(data));
      stepThrough(data);
      return;
    }
    assertEquals(packets.toString(), parseInsideLargerArray(data));
    assertEquals(packets.size(), stepThrough(data));
    for (RtcpPacket packet : packets) {
      use(packet);
    }
    byte[] written = RtcpCompound.toByteArray(packets);
    List<RtcpPacket> again;
    try {
      again = RtcpCompound.parseAll(written, 0, written.length);
    } catch (ParseException e) {
      throw new AssertionError("cannot parse what was written: " + Hex.hex(written), e);
    }
    assertEquals(packets, again);
    assertTrue(Arrays.equals(written, RtcpCompound.toByteArray(again)));
  }

  /** Steps through the compound view; returns the number of packets, or -1 if it is refused. */
  private static int stepThrough(byte[] data) {
    RtcpCompound view = new RtcpCompound();
    try {
      view.wrap(data, 0, data.length);
    } catch (ParseException e) {
      return -1;
    }
    int count = 0;
    while (view.next()) {
      count++;
      assertTrue(view.length() >= 4 && view.length() % 4 == 0);
      view.packetType();
      view.count();
      try {
        view.parse();
      } catch (ParseException e) {
        // a well-framed packet whose body is malformed: fine
      }
    }
    assertEquals(view.packetCount(), count);
    return count;
  }

  /** Calls what a receiver of {@code packet} would call. */
  private static void use(RtcpPacket packet) {
    assertEquals(packet, packet);
    packet.hashCode();
    packet.toString();
    assertTrue(packet.packetType() >= 0 && packet.packetType() <= 255);
    if (packet instanceof SenderReport sr) {
      sr.compactNtp();
    } else if (packet instanceof SourceDescription sdes) {
      sdes.chunks().forEach(c -> c.items().forEach(i -> i.text()));
    } else if (packet instanceof Nack nack) {
      assertTrue(nack.sequenceNumbers().size() >= nack.entries().size());
    } else if (packet instanceof Remb remb) {
      assertTrue(remb.bitrate() >= 0);
    } else if (packet instanceof TransportCc twcc) {
      assertEquals(twcc.packetStatusCount(), twcc.statuses().size());
      assertEquals(twcc.packetStatusCount(), twcc.packetResults().size());
    } else if (packet instanceof UnknownRtcp unknown) {
      assertEquals(0, unknown.body().length % 4);
    }
  }

  /**
   * {@code data}, and also {@code data} with the framing that mutations break mended, if that
   * differs: cut to a multiple of 4, version 2, and the first packet's length set to cover it all.
   */
  private static List<byte[]> asReceivedAndMended(byte[] data) {
    if (data.length < 4) {
      return List.of(data);
    }
    byte[] mended = Arrays.copyOf(data, Math.min(data.length, 4 * 65536) & ~3);
    mended[0] = (byte) (0x80 | (mended[0] & 0x3F));
    int words = mended.length / 4 - 1;
    mended[2] = (byte) (words >>> 8);
    mended[3] = (byte) words;
    List<byte[]> inputs = new ArrayList<>(List.of(data));
    if (!Arrays.equals(data, mended)) {
      inputs.add(mended);
    }
    return inputs;
  }

  /**
   * What parsing {@code data} gives when it sits between other bytes of a larger array: the
   * packets' {@code toString()}, or the refusal. It must be what parsing it alone gives.
   */
  private static String parseInsideLargerArray(byte[] data) {
    int offset = 7;
    byte[] larger = new byte[offset + data.length + 5];
    Arrays.fill(larger, (byte) 0x55);
    System.arraycopy(data, 0, larger, offset, data.length);
    try {
      return RtcpCompound.parseAll(larger, offset, data.length).toString();
    } catch (ParseException e) {
      return "refused: " + e.getMessage();
    }
  }
}
