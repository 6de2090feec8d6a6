package org.rtc4j.rtp.rtcp;

import java.util.Arrays;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * An RTCP packet of a type, or a feedback format, this package does not parse, kept as it came: the
 * header's fields and every byte after the header, padding included, so that it is written back
 * unchanged.
 *
 * @param packetType the packet type (PT)
 * @param count the header's 5-bit count or FMT field
 * @param padded the P bit: the body ends with padding, its count in the last byte
 * @param body the bytes after the 4-byte header, a multiple of 4
 */
public record UnknownRtcp(int packetType, int count, boolean padded, byte[] body)
    implements RtcpPacket {
  /** Checks the fields, and copies the body. */
  public UnknownRtcp {
    Unsigned.bits("packet type", packetType, 8);
    Unsigned.bits("count", count, 5);
    if (body.length % 4 != 0 || body.length + 4 > RtcpPacket.MAX_LENGTH) {
      throw new IllegalArgumentException("RTCP body of " + body.length + " bytes");
    }
    if (padded
        && (body.length == 0
            || (body[body.length - 1] & 0xFF) == 0
            || (body[body.length - 1] & 0xFF) > body.length)) {
      throw new IllegalArgumentException("P bit set without a padding count that fits");
    }
    body = body.clone();
  }

  /** Parses the one RTCP packet that is exactly {@code data[offset, +length)}, as bytes. */
  public static UnknownRtcp parse(byte[] data, int offset, int length) throws ParseException {
    RtcpHeader.checkFraming(data, offset, length);
    ByteReader in = new ByteReader(data, offset, length);
    int first = in.u8();
    int type = in.u8();
    in.skip(2);
    return new UnknownRtcp(type, first & 0x1F, (first & 0x20) != 0, in.bytes(in.remaining()));
  }

  /** The bytes after the header (a copy), padding included. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public void write(ByteWriter out) {
    int start = RtcpHeader.begin(out, count, packetType);
    if (padded) {
      out.setU16(start, ((0xA0 | count) << 8) | packetType);
    }
    out.bytes(body);
    RtcpHeader.end(out, start);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownRtcp u
        && packetType == u.packetType
        && count == u.count
        && padded == u.padded
        && Arrays.equals(body, u.body);
  }

  @Override
  public int hashCode() {
    return (packetType * 31 + count) * 31 + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "UnknownRtcp[type="
        + packetType
        + ", count="
        + count
        + (padded ? ", padded" : "")
        + ", body="
        + body.length
        + " bytes]";
  }
}
