package org.rtc4j.dtls.handshake;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Reading and checking TLS vectors (RFC 5246 §4.3): a length prefix of 1, 2 or 3 bytes, then that
 * many bytes, within the floor and ceiling the message's grammar gives. Every read checks the
 * length against both bounds and against the bytes present, so the messages' parsers need no
 * arithmetic of their own.
 */
final class Vectors {
  /** The largest number a u8 length holds. */
  static final int MAX_U8 = 0xFF;

  /** The largest number a u16 length holds. */
  static final int MAX_U16 = 0xFFFF;

  /** The largest number a u24 length holds, and so the longest handshake body (RFC 6347 §4.2.2). */
  static final int MAX_U24 = 0xFF_FFFF;

  private Vectors() {}

  /** {@code opaque x<min..2^8-1>}-style vector with a one-byte length. */
  static byte[] opaque8(ByteReader r, int min, int max, String what) throws ParseException {
    int at = r.position();
    int length = r.u8();
    return body(r, at, length, min, max, what);
  }

  /** A vector with a two-byte length. */
  static byte[] opaque16(ByteReader r, int min, int max, String what) throws ParseException {
    int at = r.position();
    int length = r.u16();
    return body(r, at, length, min, max, what);
  }

  /** A vector with a three-byte length. */
  static byte[] opaque24(ByteReader r, int min, int max, String what) throws ParseException {
    int at = r.position();
    int length = r.u24();
    return body(r, at, length, min, max, what);
  }

  private static byte[] body(ByteReader r, int at, int length, int min, int max, String what)
      throws ParseException {
    checkLength(length, min, max, at, what);
    if (length > r.remaining()) {
      throw new ParseException(
          what + ": length " + length + " but only " + r.remaining() + " bytes follow", at);
    }
    return r.bytes(length);
  }

  /**
   * Reads a length prefix of {@code prefixBytes} bytes and checks it, for a vector whose items the
   * caller reads; returns the position where the vector ends.
   */
  static int listEnd(ByteReader r, int prefixBytes, int min, int max, String what)
      throws ParseException {
    int at = r.position();
    int length =
        switch (prefixBytes) {
          case 1 -> r.u8();
          case 2 -> r.u16();
          default -> r.u24();
        };
    checkLength(length, min, max, at, what);
    if (length > r.remaining()) {
      throw new ParseException(
          what + ": length " + length + " but only " + r.remaining() + " bytes follow", at);
    }
    return r.position() + length;
  }

  /**
   * A vector of u16 numbers (cipher suites, groups, signature schemes, SRTP profiles) with a length
   * prefix of {@code prefixBytes} bytes, holding between {@code minBytes} and {@code maxBytes}
   * bytes; the length must be even.
   */
  static int[] u16List(ByteReader r, int prefixBytes, int minBytes, int maxBytes, String what)
      throws ParseException {
    int at = r.position();
    int end = listEnd(r, prefixBytes, minBytes, maxBytes, what);
    int length = end - r.position();
    if (length % 2 != 0) {
      throw new ParseException(what + ": odd length " + length + " for a list of u16", at);
    }
    int[] out = new int[length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.u16();
    }
    return out;
  }

  private static void checkLength(int length, int min, int max, int at, String what)
      throws ParseException {
    if (length < min) {
      throw new ParseException(what + ": length " + length + " below the minimum " + min, at);
    }
    if (length > max) {
      throw new ParseException(what + ": length " + length + " above the maximum " + max, at);
    }
  }

  /** Fails if any bytes are left after a message or an extension's data. */
  static void end(ByteReader r, String what) throws ParseException {
    if (r.hasRemaining()) {
      throw new ParseException(
          what + ": " + r.remaining() + " trailing bytes after the end", r.position());
    }
  }

  /** A reader over a whole handshake body, which cannot be longer than a u24 length says. */
  static ByteReader reader(byte[] body, String what) throws ParseException {
    Objects.requireNonNull(body, "body");
    if (body.length > MAX_U24) {
      throw new ParseException(
          what + ": body of " + body.length + " bytes is longer than a handshake can be", 0);
    }
    return new ByteReader(body);
  }

  /** Writes a vector with a {@code prefixBytes}-byte length. */
  static void write(ByteWriter w, int prefixBytes, byte[] bytes) {
    switch (prefixBytes) {
      case 1 -> w.u8(bytes.length);
      case 2 -> w.u16(bytes.length);
      default -> w.u24(bytes.length);
    }
    w.bytes(bytes);
  }

  /** Writes a vector of u16 numbers with a {@code prefixBytes}-byte length. */
  static void writeU16List(ByteWriter w, int prefixBytes, int[] values) {
    int length = values.length * 2;
    if (prefixBytes == 1) {
      w.u8(length);
    } else {
      w.u16(length);
    }
    for (int v : values) {
      w.u16(v);
    }
  }

  /** A copy of {@code bytes}, checked for a length in {@code [min, max]}. */
  static byte[] copy(byte[] bytes, int min, int max, String what) {
    Objects.requireNonNull(bytes, what);
    if (bytes.length < min || bytes.length > max) {
      throw new IllegalArgumentException(
          what + ": length " + bytes.length + " outside " + min + ".." + max);
    }
    return bytes.clone();
  }

  /** A copy of {@code values}, each a u16, checked for a count in {@code [min, max]}. */
  static int[] copyU16s(int[] values, int min, int max, String what) {
    Objects.requireNonNull(values, what);
    if (values.length < min || values.length > max) {
      throw new IllegalArgumentException(
          what + ": " + values.length + " entries, outside " + min + ".." + max);
    }
    for (int v : values) {
      checkU16(v, what);
    }
    return values.clone();
  }

  /** Checks that {@code v} fits 16 bits. */
  static int checkU16(int v, String what) {
    if (v < 0 || v > MAX_U16) {
      throw new IllegalArgumentException(what + " must fit in 16 bits: " + v);
    }
    return v;
  }

  /** Checks that {@code v} fits 8 bits. */
  static int checkU8(int v, String what) {
    if (v < 0 || v > MAX_U8) {
      throw new IllegalArgumentException(what + " must fit in 8 bits: " + v);
    }
    return v;
  }

  /** Hex of {@code bytes}, for {@code toString()}. */
  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** u16 code points in hex, for {@code toString()}. */
  static String hex(int[] values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(String.format("%04x", values[i]));
    }
    return b.append(']').toString();
  }

  /** Hex of each array, for {@code toString()}. */
  static String hex(List<byte[]> list) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(hex(list.get(i)));
    }
    return b.append(']').toString();
  }

  /** Whether two lists of arrays hold equal arrays in the same order. */
  static boolean equal(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** A hash of a list of arrays by content. */
  static int hash(List<byte[]> list) {
    int h = 1;
    for (byte[] a : list) {
      h = 31 * h + Arrays.hashCode(a);
    }
    return h;
  }
}
