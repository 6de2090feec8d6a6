package org.rtc4j.rtp.rtcp;

import java.util.Arrays;
import org.rtc4j.common.ByteWriter;

/**
 * An extended report block of a type this package does not parse (RFC 3611 §3), kept as its bytes.
 *
 * @param blockType the block type, BT
 * @param typeSpecific the block header's type-specific byte
 * @param content the block's content after its 4-byte header, a multiple of 4 bytes
 */
public record UnknownXrBlock(int blockType, int typeSpecific, byte[] content) implements XrBlock {
  /** Checks the fields and copies the content. */
  public UnknownXrBlock {
    Unsigned.bits("block type", blockType, 8);
    Unsigned.bits("type-specific", typeSpecific, 8);
    if (content.length % 4 != 0 || content.length / 4 > 0xFFFF) {
      throw new IllegalArgumentException("XR block content of " + content.length + " bytes");
    }
    content = content.clone();
  }

  /** The content (a copy). */
  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public void write(ByteWriter out) {
    out.u8(blockType).u8(typeSpecific).u16(content.length / 4).bytes(content);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownXrBlock b
        && blockType == b.blockType
        && typeSpecific == b.typeSpecific
        && Arrays.equals(content, b.content);
  }

  @Override
  public int hashCode() {
    return (blockType * 31 + typeSpecific) * 31 + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "UnknownXrBlock[type=" + blockType + ", content=" + content.length + " bytes]";
  }
}
