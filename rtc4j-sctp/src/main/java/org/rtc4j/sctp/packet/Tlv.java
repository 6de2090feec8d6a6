package org.rtc4j.sctp.packet;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.ToIntFunction;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * The type-length-value framing that SCTP chunks (RFC 9260 §3.2), parameters (§3.2.1) and error
 * causes (§3.3.10) share: a 4-byte header whose length counts header and value but not the zero
 * padding to a multiple of 4 that follows.
 */
final class Tlv {
  /** Type (or flags) and length: 4 bytes for chunks, parameters and error causes alike. */
  static final int HEADER_LENGTH = 4;

  /** The largest length a 16-bit length field holds. */
  static final int MAX_LENGTH = 0xFFFF;

  private Tlv() {}

  /** The zero bytes that follow a TLV of {@code length} bytes (RFC 9260 §3.2: at most 3). */
  static int padding(int length) {
    return -length & 3;
  }

  /** {@code length} rounded up to a multiple of 4. */
  static int padded(int length) {
    return (length + 3) & ~3;
  }

  /**
   * The bytes a list of parameters or causes takes inside a chunk: each padded to 4 bytes, except
   * that the last one's padding is not counted (RFC 9260 §3.2, Chunk Length). A long, so that an
   * absurdly long list cannot overflow before the caller checks it against {@link #MAX_LENGTH}.
   */
  static <T> long listLength(List<T> items, ToIntFunction<T> lengthOf) {
    long total = 0;
    int last = 0;
    for (T item : items) {
      last = lengthOf.applyAsInt(item);
      total += padded(last);
    }
    return total - padding(last);
  }

  /**
   * Checks that a TLV of {@code length} bytes fits its 16-bit length field.
   *
   * @throws IllegalArgumentException if it does not
   */
  static void checkLength(long length, String what) {
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException(what + " would be " + length + " bytes, over 65535");
    }
  }

  /** Writes a chunk header (RFC 9260 §3.2). */
  static void chunkHeader(ByteWriter out, int type, int flags, int length) {
    out.u8(type).u8(flags).u16(length);
  }

  /** Writes the zero padding after a TLV of {@code length} bytes. */
  static void pad(ByteWriter out, int length) {
    out.zeros(padding(length));
  }

  /** Fails if a fixed-size value has bytes left over. */
  static void requireEnd(ByteReader value, String what) throws ParseException {
    if (value.hasRemaining()) {
      throw new ParseException(
          what + ": " + value.remaining() + " bytes past its fixed fields", value.position());
    }
  }

  /** Fails unless a value is exactly {@code length} bytes. */
  static void requireLength(ByteReader value, int length, String what) throws ParseException {
    if (value.length() != length) {
      throw new ParseException(
          what + ": value of " + value.length() + " bytes, must be " + length, 0);
    }
  }

  /** Reads parameters until {@code value} ends (RFC 9260 §3.2.1). */
  static List<Parameter> parameters(ByteReader value) throws ParseException {
    // Each parameter takes at least 4 bytes, so the list is bounded by the input.
    ArrayList<Parameter> out = new ArrayList<>(value.remaining() / 4);
    while (value.hasRemaining()) {
      out.add(Parameter.parse(value));
    }
    return out;
  }

  /** Reads error causes until {@code value} ends (RFC 9260 §3.3.10). */
  static List<ErrorCause> causes(ByteReader value) throws ParseException {
    ArrayList<ErrorCause> out = new ArrayList<>(value.remaining() / 4);
    while (value.hasRemaining()) {
      out.add(ErrorCause.parse(value));
    }
    return out;
  }

  /** Writes parameters, each with its padding. */
  static void writeParameters(ByteWriter out, List<Parameter> parameters) {
    for (Parameter p : parameters) {
      p.writeTo(out);
    }
  }

  /** Writes error causes, each with its padding. */
  static void writeCauses(ByteWriter out, List<ErrorCause> causes) {
    for (ErrorCause c : causes) {
      c.writeTo(out);
    }
  }

  /** A hex string for toString methods, shortened past 64 bytes. */
  static String hex(byte[] bytes) {
    int shown = Math.min(bytes.length, 64);
    String hex = HexFormat.of().formatHex(bytes, 0, shown);
    return shown < bytes.length ? hex + "…(" + bytes.length + " B)" : hex;
  }
}
