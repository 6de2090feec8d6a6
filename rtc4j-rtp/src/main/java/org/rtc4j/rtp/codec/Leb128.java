package org.rtc4j.rtp.codec;

import java.io.ByteArrayOutputStream;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * AV1's leb128 (AV1 specification §4.10.5): an unsigned number in little-endian groups of 7 bits,
 * each byte's top bit saying that another byte follows; at most 8 bytes, and at most 2^32 - 1.
 */
final class Leb128 {
  private static final int MAX_BYTES = 8;

  private Leb128() {}

  /**
   * Reads a number that must fit in an {@code int}, as every size within a packet or frame does.
   */
  static int read(ByteReader in) throws ParseException {
    int start = in.position();
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      int b = in.u8();
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (value > Integer.MAX_VALUE) {
          throw new ParseException("leb128 value " + value + " too large", start);
        }
        return (int) value;
      }
    }
    throw new ParseException("leb128 longer than 8 bytes", start);
  }

  /** How many bytes {@link #write} takes for {@code value}. */
  static int size(int value) {
    int n = 1;
    for (int v = value >>> 7; v != 0; v >>>= 7) {
      n++;
    }
    return n;
  }

  /** Writes {@code value}, 0 or more, in as few bytes as it needs. */
  static void write(ByteArrayOutputStream out, int value) {
    int v = value;
    while ((v >>> 7) != 0) {
      out.write((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }
}
