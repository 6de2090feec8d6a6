package org.rtc4j.sctp.packet;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Supported Extensions (RFC 5061 §4.2.7): in INIT and INIT ACK, the chunk types beyond RFC 9260
 * that the sender supports, one byte each.
 *
 * <pre>
 *  type = 0x8008 | length
 *  chunk type 1 | chunk type 2 | ...
 * </pre>
 *
 * @param chunkTypes the chunk types, 0–255 each, in order
 */
public record SupportedExtensionsParameter(List<Integer> chunkTypes) implements Parameter {
  /** The parameter type. */
  public static final int TYPE = 0x8008;

  /**
   * @throws IllegalArgumentException if a chunk type is not 8 bits or the list is too long
   */
  public SupportedExtensionsParameter {
    chunkTypes = List.copyOf(chunkTypes);
    for (int t : chunkTypes) {
      if ((t & ~0xFF) != 0) {
        throw new IllegalArgumentException("chunk type " + t + " not 8 bits");
      }
    }
    Tlv.checkLength(HEADER_LENGTH + (long) chunkTypes.size(), "Supported Extensions");
  }

  /** Whether {@code chunkType} is among the supported ones. */
  public boolean supports(int chunkType) {
    return chunkTypes.contains(chunkType);
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + chunkTypes.size();
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    out.u16(TYPE).u16(length);
    for (int t : chunkTypes) {
      out.u8(t);
    }
    Tlv.pad(out, length);
  }

  static SupportedExtensionsParameter parseValue(ByteReader value) throws ParseException {
    List<Integer> types = new ArrayList<>(value.remaining());
    while (value.hasRemaining()) {
      types.add(value.u8());
    }
    return new SupportedExtensionsParameter(types);
  }
}
