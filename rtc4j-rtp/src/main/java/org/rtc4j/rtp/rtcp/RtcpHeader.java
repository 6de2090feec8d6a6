package org.rtc4j.rtp.rtcp;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * The common header of every RTCP packet (RFC 3550 §6.4.1), read and written in one place: version
 * 2, padding bit, a 5-bit count (report count, source count, FMT or subtype), packet type, and the
 * length in 32-bit words minus one. Parsers get a reader over the packet without its padding,
 * positioned after the header, so their offsets count from the packet's first byte.
 */
final class RtcpHeader {
  /** The header's length. */
  static final int LENGTH = 4;

  final int count;
  final int packetType;
  final boolean padded;

  /** The packet's bytes, less the header and the padding. */
  final ByteReader body;

  private RtcpHeader(int count, int packetType, boolean padded, ByteReader body) {
    this.count = count;
    this.packetType = packetType;
    this.padded = padded;
    this.body = body;
  }

  /**
   * Reads the header of the one packet that is exactly {@code data[offset, +length)}.
   *
   * @param packetType the packet type the caller parses, or -1 for any
   * @param count the count or FMT the caller parses, or -1 for any
   */
  static RtcpHeader read(byte[] data, int offset, int length, int packetType, int count)
      throws ParseException {
    int padding = checkFraming(data, offset, length);
    int first = data[offset] & 0xFF;
    int type = data[offset + 1] & 0xFF;
    if (packetType >= 0 && type != packetType) {
      throw new ParseException("packet type " + type + ", not " + packetType, 1);
    }
    if (count >= 0 && (first & 0x1F) != count) {
      throw new ParseException("format " + (first & 0x1F) + ", not " + count, 0);
    }
    ByteReader body = new ByteReader(data, offset, length - padding);
    body.skip(LENGTH);
    return new RtcpHeader(first & 0x1F, type, padding > 0, body);
  }

  /**
   * Checks that {@code data[offset, +length)} is exactly one RTCP packet: version 2, a length field
   * that matches, and padding that fits. Returns the padding's length, 0 without.
   */
  static int checkFraming(byte[] data, int offset, int length) throws ParseException {
    if (length < LENGTH) {
      throw new ParseException("an RTCP header needs 4 bytes, got " + length, 0);
    }
    int first = data[offset] & 0xFF;
    if (first >>> 6 != 2) {
      throw new ParseException("RTCP version " + (first >>> 6) + ", not 2", 0);
    }
    int declared = LENGTH * (1 + (((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF)));
    if (declared != length) {
      throw new ParseException(
          "length field says " + declared + " bytes, the packet has " + length, 2);
    }
    if ((first & 0x20) == 0) {
      return 0;
    }
    // RFC 3550 §6.4.1: the last byte counts the padding, itself included.
    int padding = data[offset + length - 1] & 0xFF;
    if (padding == 0 || padding > length - LENGTH) {
      throw new ParseException("padding count " + padding, length - 1);
    }
    return padding;
  }

  /** Fails unless the body has been read to its end. */
  static void requireEnd(ByteReader body, String what) throws ParseException {
    if (body.hasRemaining()) {
      throw new ParseException(
          what + ": " + body.remaining() + " bytes left over", body.position());
    }
  }

  /** Writes a header whose length {@link #end} fills in later; returns where it starts. */
  static int begin(ByteWriter out, int count, int packetType) {
    int start = out.position();
    out.u8(0x80 | count).u8(packetType).u16(0);
    return start;
  }

  /** Fills in the length of the packet begun at {@code start}, which must end on 32 bits. */
  static void end(ByteWriter out, int start) {
    int length = out.position() - start;
    if (length % 4 != 0) {
      throw new IllegalStateException("RTCP packet of " + length + " bytes");
    }
    out.setU16(start + 2, length / 4 - 1);
  }

  /**
   * Pads the packet begun at {@code start} to 32 bits with RTCP padding (RFC 3550 §6.4.1: the P
   * bit, zeros, and the count in the last byte), if it needs any, and fills in its length.
   */
  static void endPadded(ByteWriter out, int start, int count, int packetType) {
    int padding = (4 - (out.position() - start) % 4) % 4;
    if (padding > 0) {
      out.zeros(padding - 1).u8(padding);
      out.setU16(start, ((0xA0 | count) << 8) | packetType);
    }
    end(out, start);
  }
}
