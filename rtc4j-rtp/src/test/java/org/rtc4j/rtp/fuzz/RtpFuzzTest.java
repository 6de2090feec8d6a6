package org.rtc4j.rtp.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.HeaderExtension;
import org.rtc4j.rtp.HeaderExtensions;
import org.rtc4j.rtp.Hex;
import org.rtc4j.rtp.Rewrite;
import org.rtc4j.rtp.RtpPacket;
import org.rtc4j.rtp.extension.AbsSendTime;
import org.rtc4j.rtp.extension.AudioLevel;
import org.rtc4j.rtp.extension.Mid;
import org.rtc4j.rtp.extension.PlayoutDelay;
import org.rtc4j.rtp.extension.RepairedRtpStreamId;
import org.rtc4j.rtp.extension.RtpStreamId;
import org.rtc4j.rtp.extension.TransportSequenceNumber;
import org.rtc4j.rtp.extension.VideoOrientation;

/**
 * Jazzer fuzz target for the RTP view. Without {@code JAZZER_FUZZ} it runs as an ordinary test over
 * the seeds in {@code RtpFuzzTestInputs/} (see {@code package-info.java} for how to fuzz for real).
 */
class RtpFuzzTest {
  private final RtpPacket packet = new RtpPacket();
  private final RtpPacket again = new RtpPacket();

  /**
   * Wraps arbitrary bytes. {@link ParseException} is the only way to refuse them; a packet that
   * wraps must read consistently, each extension element must parse as each typed extension or
   * throw {@link ParseException}, and the packet rewritten by the writer must wrap to the same.
   */
  @FuzzTest
  void wrap(byte[] data) {
    try {
      packet.wrap(data, 0, data.length);
    } catch (ParseException e) {
      assertFalse(packet.isWrapped());
      assertEquals("refused: " + e.getMessage(), wrapInsideLargerArray(data));
      return;
    }
    assertEquals(packet.toString(), wrapInsideLargerArray(data));
    assertEquals(
        data.length, packet.headerLength() + packet.payloadLength() + packet.paddingLength());
    HeaderExtensions ext = packet.extensions();
    int count = 0;
    while (ext.next()) {
      count++;
      assertTrue(ext.id() >= 1 && ext.id() <= (ext.isTwoByte() ? 255 : 14));
      for (int type = 0; type < 8; type++) {
        parseAndRewrite(type, data, ext.offset(), ext.length());
      }
    }
    assertEquals(packet.extensionCount(), count);
    byte[] rewritten = Rewrite.of(packet);
    try {
      again.wrap(rewritten, 0, rewritten.length);
    } catch (ParseException e) {
      throw new AssertionError("the rewritten packet does not wrap: " + Hex.hex(rewritten), e);
    }
    assertEquals(packet.toString(), again.toString());
    assertTrue(
        Arrays.equals(
            data,
            packet.payloadOffset(),
            packet.payloadOffset() + packet.payloadLength(),
            rewritten,
            again.payloadOffset(),
            again.payloadOffset() + again.payloadLength()));
    // Rewriting is a fixed point after the first pass (which drops padding between elements).
    assertTrue(Arrays.equals(rewritten, Rewrite.of(again)));
  }

  /** Parses element data as extension {@code type}; what parses writes back and parses equal. */
  private static void parseAndRewrite(int type, byte[] data, int offset, int length) {
    HeaderExtension value;
    try {
      value =
          switch (type) {
            case 0 -> Mid.parse(data, offset, length);
            case 1 -> RtpStreamId.parse(data, offset, length);
            case 2 -> RepairedRtpStreamId.parse(data, offset, length);
            case 3 -> AbsSendTime.parse(data, offset, length);
            case 4 -> TransportSequenceNumber.parse(data, offset, length);
            case 5 -> AudioLevel.parse(data, offset, length);
            case 6 -> VideoOrientation.parse(data, offset, length);
            default -> PlayoutDelay.parse(data, offset, length);
          };
    } catch (ParseException e) {
      return;
    }
    byte[] out = new byte[value.length()];
    value.write(out, 0);
    assertTrue(out.length <= length);
    try {
      HeaderExtension reparsed =
          switch (type) {
            case 0 -> Mid.parse(out, 0, out.length);
            case 1 -> RtpStreamId.parse(out, 0, out.length);
            case 2 -> RepairedRtpStreamId.parse(out, 0, out.length);
            case 3 -> AbsSendTime.parse(out, 0, out.length);
            case 4 -> TransportSequenceNumber.parse(out, 0, out.length);
            case 5 -> AudioLevel.parse(out, 0, out.length);
            case 6 -> VideoOrientation.parse(out, 0, out.length);
            default -> PlayoutDelay.parse(out, 0, out.length);
          };
      assertEquals(value, reparsed);
    } catch (ParseException e) {
      throw new AssertionError("cannot parse what was written: " + value, e);
    }
  }

  /**
   * What wrapping {@code data} gives when it sits between other bytes of a larger array: the
   * packet's {@code toString()}, or the refusal. It must be what wrapping it alone gives.
   */
  private static String wrapInsideLargerArray(byte[] data) {
    int offset = 7;
    byte[] larger = new byte[offset + data.length + 5];
    Arrays.fill(larger, (byte) 0x55);
    System.arraycopy(data, 0, larger, offset, data.length);
    try {
      return new RtpPacket().wrap(larger, offset, data.length).toString();
    } catch (ParseException e) {
      return "refused: " + e.getMessage();
    }
  }
}
