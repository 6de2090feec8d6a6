package org.rtc4j.rtp.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * An application-defined packet, APP (RFC 3550 §6.7): a subtype, a four-character name and
 * application data.
 *
 * @param subtype the 5-bit subtype, 0 to 31
 * @param ssrc the sender's SSRC
 * @param name the four-character name; each character one byte (read as ISO-8859-1, so that any
 *     four bytes are kept as they came)
 * @param data the application data, a multiple of 4 bytes
 */
public record ApplicationDefined(int subtype, long ssrc, String name, byte[] data)
    implements RtcpPacket {
  /** Checks every field and copies the data. */
  public ApplicationDefined {
    Unsigned.bits("subtype", subtype, 5);
    Unsigned.u32("SSRC", ssrc);
    if (name.length() != 4 || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(name)) {
      throw new IllegalArgumentException("APP name \"" + name + "\" is not four byte characters");
    }
    if (data.length % 4 != 0) {
      throw new IllegalArgumentException("APP data of " + data.length + " bytes");
    }
    data = data.clone();
  }

  /** Parses the one APP packet that is exactly {@code data[offset, +length)}. */
  public static ApplicationDefined parse(byte[] data, int offset, int length)
      throws ParseException {
    RtcpHeader header = RtcpHeader.read(data, offset, length, RtcpPacketType.APP, -1);
    ByteReader in = header.body;
    long ssrc = in.u32();
    String name = new String(in.bytes(4), StandardCharsets.ISO_8859_1);
    if (in.remaining() % 4 != 0) {
      throw new ParseException("APP data ends off a 32-bit boundary", in.position());
    }
    return new ApplicationDefined(header.count, ssrc, name, in.bytes(in.remaining()));
  }

  /** The application data (a copy). */
  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public int packetType() {
    return RtcpPacketType.APP;
  }

  @Override
  public void write(ByteWriter out) {
    int start = RtcpHeader.begin(out, subtype, RtcpPacketType.APP);
    out.u32(ssrc).bytes(name.getBytes(StandardCharsets.ISO_8859_1)).bytes(data);
    RtcpHeader.end(out, start);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApplicationDefined a
        && subtype == a.subtype
        && ssrc == a.ssrc
        && name.equals(a.name)
        && Arrays.equals(data, a.data);
  }

  @Override
  public int hashCode() {
    return (subtype * 31 + Long.hashCode(ssrc)) * 31 + name.hashCode();
  }

  @Override
  public String toString() {
    return "ApplicationDefined[subtype="
        + subtype
        + ", ssrc="
        + ssrc
        + ", name="
        + name
        + ", data="
        + data.length
        + " bytes]";
  }
}
