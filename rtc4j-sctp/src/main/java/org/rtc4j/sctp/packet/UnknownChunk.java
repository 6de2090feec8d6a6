package org.rtc4j.sctp.packet;

import java.util.Arrays;
import java.util.Objects;
import org.rtc4j.common.ByteWriter;

/**
 * A chunk of a type this layer does not parse, kept as it came so that it can be reported or
 * written back. Its type's two highest bits say what a receiver does with it ({@link #action()},
 * RFC 9260 §3.2).
 *
 * @param type the chunk type, 0–255, none that this layer parses into its own record
 * @param flags the chunk flags, 0–255
 * @param value the value, without header or padding (copied in and out)
 */
public record UnknownChunk(int type, int flags, byte[] value) implements Chunk {
  /**
   * @throws IllegalArgumentException if the type or flags are not 8 bits, the type is one this
   *     layer parses, or the value is too long for one chunk
   */
  public UnknownChunk {
    if ((type & ~0xFF) != 0 || (flags & ~0xFF) != 0) {
      throw new IllegalArgumentException("chunk type " + type + " or flags " + flags);
    }
    if (Chunk.isKnownType(type)) {
      throw new IllegalArgumentException("chunk type " + type + " has its own record");
    }
    value = Objects.requireNonNull(value, "value").clone();
    Tlv.checkLength(HEADER_LENGTH + (long) value.length, "chunk");
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** What a receiver that does not recognise the type does (RFC 9260 §3.2). */
  public UnrecognizedAction action() {
    return UnrecognizedAction.ofChunkType(type);
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + value.length;
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    Tlv.chunkHeader(out, type, flags, length);
    out.bytes(value);
    Tlv.pad(out, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownChunk other
        && type == other.type
        && flags == other.flags
        && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * type + flags) + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "UnknownChunk[type=" + type + ", flags=" + flags + ", " + Tlv.hex(value) + "]";
  }
}
