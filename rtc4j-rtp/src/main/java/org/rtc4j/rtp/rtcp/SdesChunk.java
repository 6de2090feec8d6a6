package org.rtc4j.rtp.rtcp;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * One chunk of an SDES packet (RFC 3550 §6.5): a source and the items that describe it.
 *
 * @param ssrc the source described (an SSRC or a CSRC)
 * @param items its items, in order
 */
public record SdesChunk(long ssrc, List<SdesItem> items) {
  /** Checks the SSRC and copies the items. */
  public SdesChunk {
    Unsigned.u32("SSRC", ssrc);
    items = List.copyOf(items);
  }

  /** A chunk with the one item browsers send: the CNAME. */
  public static SdesChunk cname(long ssrc, String cname) {
    return new SdesChunk(ssrc, List.of(SdesItem.cname(cname)));
  }

  /** The value of the first item of {@code type} as text, or null if there is none. */
  public String text(int type) {
    for (SdesItem item : items) {
      if (item.type() == type) {
        return item.text();
      }
    }
    return null;
  }

  /**
   * Reads a chunk from a reader at a 32-bit boundary of the packet: the SSRC, items up to the null
   * item, then the null bytes that pad to the next boundary.
   */
  static SdesChunk read(ByteReader in) throws ParseException {
    long ssrc = in.u32();
    List<SdesItem> items = new ArrayList<>();
    while (true) {
      int type = in.u8();
      if (type == 0) {
        break;
      }
      int length = in.u8();
      items.add(new SdesItem(type, in.bytes(length)));
    }
    // RFC 3550 §6.5: the null item, then null bytes up to the next 32-bit boundary.
    int padding = (4 - in.position() % 4) % 4;
    for (int i = 0; i < padding; i++) {
      int position = in.position();
      if (in.u8() != 0) {
        throw new ParseException("SDES chunk padding is not zero", position);
      }
    }
    return new SdesChunk(ssrc, items);
  }

  void write(ByteWriter out) {
    out.u32(ssrc);
    int length = 0;
    for (SdesItem item : items) {
      byte[] value = item.value();
      out.u8(item.type()).u8(value.length).bytes(value);
      length += item.wireLength();
    }
    // The null item and the padding: 1 to 4 null bytes, so that the chunk ends on 32 bits.
    out.zeros(4 - length % 4);
  }
}
