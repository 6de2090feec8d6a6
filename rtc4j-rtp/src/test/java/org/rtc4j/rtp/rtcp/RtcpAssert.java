package org.rtc4j.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

/** The checks every RTCP packet type's test makes. */
final class RtcpAssert {
  private RtcpAssert() {}

  /** A type's own {@code parse}. */
  interface Parser<T> {
    T parse(byte[] data, int offset, int length) throws ParseException;
  }

  /**
   * Parses {@code fixture} with the type's parser, also from inside a larger array and through
   * {@link RtcpPacket#parse}, and checks that writing it gives the fixture back byte for byte.
   */
  static <T extends RtcpPacket> T parsesAndWritesBack(byte[] fixture, Parser<T> parser)
      throws ParseException {
    T packet = parser.parse(fixture, 0, fixture.length);
    assertEquals(packet, RtcpPacket.parse(fixture, 0, fixture.length));
    byte[] larger = new byte[fixture.length + 9];
    Arrays.fill(larger, (byte) 0x5a);
    System.arraycopy(fixture, 0, larger, 5, fixture.length);
    assertEquals(packet, parser.parse(larger, 5, fixture.length));
    assertEquals(Hex.hex(fixture), Hex.hex(packet.toByteArray()), "written back");
    return packet;
  }

  /** Writes {@code packet}, parses it back equal, and writes that back byte for byte. */
  static <T extends RtcpPacket> byte[] roundTrips(T packet, Parser<T> parser)
      throws ParseException {
    byte[] bytes = packet.toByteArray();
    assertEquals(0, bytes.length % 4);
    T parsed = parser.parse(bytes, 0, bytes.length);
    assertEquals(packet, parsed);
    assertEquals(packet.hashCode(), parsed.hashCode());
    assertEquals(packet, RtcpPacket.parse(bytes, 0, bytes.length));
    assertArrayEquals(bytes, parsed.toByteArray());
    return bytes;
  }

  /**
   * Malformed versions of {@code fixture} throw {@link ParseException} and nothing else: every
   * truncation (as it is, and cut to 32 bits with its length field mended), another version, a
   * length field that says one word more or less, and a padding count that does not fit.
   */
  static void refusesMalformed(byte[] fixture, Parser<?> parser) {
    for (int length = 0; length < fixture.length; length++) {
      byte[] cut = Arrays.copyOf(fixture, length);
      int n = length;
      assertThrows(ParseException.class, () -> parser.parse(cut, 0, n), "cut to " + n);
      assertThrows(ParseException.class, () -> RtcpPacket.parse(cut, 0, n), "cut to " + n);
      if (length >= 4 && length % 4 == 0) {
        cut[2] = (byte) ((length / 4 - 1) >>> 8);
        cut[3] = (byte) (length / 4 - 1);
        parsesOrRefuses(parser, cut);
      }
    }
    for (int version : new int[] {0, 1, 3}) {
      byte[] bad = fixture.clone();
      bad[0] = (byte) ((bad[0] & 0x3F) | version << 6);
      assertThrows(ParseException.class, () -> parser.parse(bad, 0, bad.length));
    }
    for (int words : new int[] {-1, 1}) {
      byte[] bad = fixture.clone();
      int field = fixture.length / 4 - 1 + words;
      bad[2] = (byte) (field >>> 8);
      bad[3] = (byte) field;
      assertThrows(ParseException.class, () -> parser.parse(bad, 0, bad.length));
    }
    byte[] padded = fixture.clone();
    padded[0] |= 0x20;
    padded[padded.length - 1] = 0;
    assertThrows(ParseException.class, () -> parser.parse(padded, 0, padded.length));
    padded[padded.length - 1] = (byte) 255;
    parsesOrRefuses(parser, padded);
  }

  /** {@code bytes} parse, or throw {@link ParseException}; nothing else. */
  static void parsesOrRefuses(Parser<?> parser, byte[] bytes) {
    try {
      parser.parse(bytes, 0, bytes.length);
    } catch (ParseException expected) {
      // refused: fine
    }
    try {
      RtcpPacket.parse(bytes, 0, bytes.length);
    } catch (ParseException expected) {
      // refused: fine
    }
  }
}
