package org.rtc4j.sctp.packet;

import java.util.Arrays;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Unrecognized Chunk Type (RFC 9260 §3.3.10.6): the sender received a chunk it did not understand
 * whose type asked to be reported.
 *
 * <pre>
 *  cause code = 6 | cause length
 *  chunk
 * </pre>
 *
 * @param chunk the unrecognised chunk, header and value as received (copied in and out)
 */
public record UnrecognizedChunkTypeCause(byte[] chunk) implements ErrorCause {
  /** The cause code. */
  public static final int CODE = 6;

  /**
   * @throws IllegalArgumentException if the information is too long for one cause
   */
  public UnrecognizedChunkTypeCause {
    chunk = Objects.requireNonNull(chunk, "chunk").clone();
    Tlv.checkLength(HEADER_LENGTH + (long) chunk.length, "Unrecognized Chunk Type");
  }

  /** Reports {@code unknown}: its header and value, without padding. */
  public static UnrecognizedChunkTypeCause of(UnknownChunk unknown) {
    return new UnrecognizedChunkTypeCause(
        Arrays.copyOf(unknown.toBytes(), unknown.serializedLength()));
  }

  @Override
  public byte[] chunk() {
    return chunk.clone();
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + chunk.length;
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    out.u16(CODE).u16(length).bytes(chunk);
    Tlv.pad(out, length);
  }

  static UnrecognizedChunkTypeCause parseValue(ByteReader value) throws ParseException {
    return new UnrecognizedChunkTypeCause(value.bytes(value.remaining()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnrecognizedChunkTypeCause other && Arrays.equals(chunk, other.chunk);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(chunk);
  }

  @Override
  public String toString() {
    return "UnrecognizedChunkTypeCause[" + Tlv.hex(chunk) + "]";
  }
}
