package org.rtc4j.common;

import java.util.Arrays;
import java.util.Objects;

/**
 * A bounded cursor over a region of a byte array, for parsers. It never reads outside its region:
 * reading past the end throws {@link ParseException} with the offending offset.
 *
 * <p>Offsets it reports ({@link #position()}, and those in its exceptions) count from the start of
 * the region it was built on, so they match the offsets of the protocol's own layout. Reading
 * numbers allocates nothing. Not thread-safe.
 */
public final class ByteReader {
  private final byte[] data;
  private final int start;
  private final int end;
  private int pos;

  /** A reader over all of {@code data}. */
  public ByteReader(byte[] data) {
    this(data, 0, data.length);
  }

  /**
   * A reader over {@code data[offset, offset + length)}.
   *
   * @throws IndexOutOfBoundsException if the region lies outside {@code data}
   */
  public ByteReader(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    this.data = data;
    this.start = offset;
    this.end = offset + length;
    this.pos = offset;
  }

  /** Where the next read starts, counted from the start of the region. */
  public int position() {
    return pos - start;
  }

  /** Bytes left to read. */
  public int remaining() {
    return end - pos;
  }

  /** Whether any bytes are left. */
  public boolean hasRemaining() {
    return pos < end;
  }

  /** The length of the whole region. */
  public int length() {
    return end - start;
  }

  /** The backing array; the region starts at {@link #arrayOffset()}. */
  public byte[] array() {
    return data;
  }

  /** Where the region starts in {@link #array()}. */
  public int arrayOffset() {
    return start;
  }

  /** Where the next read starts in {@link #array()}. */
  public int arrayPosition() {
    return pos;
  }

  /**
   * Moves the cursor to {@code position} within the region.
   *
   * @throws ParseException if it lies outside the region
   */
  public void seek(int position) throws ParseException {
    if (position < 0 || position > end - start) {
      throw new ParseException(
          "position " + position + " outside " + (end - start) + " bytes", pos - start);
    }
    pos = start + position;
  }

  /** Fails unless at least {@code n} bytes remain. */
  public void require(int n, String what) throws ParseException {
    if (n < 0 || n > end - pos) {
      throw new ParseException(
          what + ": needs " + n + " bytes, " + (end - pos) + " left", pos - start);
    }
  }

  private void need(int n) throws ParseException {
    if (n > end - pos) {
      throw new ParseException(
          "truncated: needs " + n + " bytes, " + (end - pos) + " left", pos - start);
    }
  }

  /** Reads an unsigned 8-bit number. */
  public int u8() throws ParseException {
    need(1);
    return data[pos++] & 0xFF;
  }

  /** Reads an unsigned big-endian 16-bit number. */
  public int u16() throws ParseException {
    need(2);
    int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  /** Reads an unsigned big-endian 24-bit number. */
  public int u24() throws ParseException {
    need(3);
    int v = ((data[pos] & 0xFF) << 16) | ((data[pos + 1] & 0xFF) << 8) | (data[pos + 2] & 0xFF);
    pos += 3;
    return v;
  }

  /** Reads a big-endian 32-bit number as a signed {@code int} (the raw bits). */
  public int i32() throws ParseException {
    need(4);
    int v =
        ((data[pos] & 0xFF) << 24)
            | ((data[pos + 1] & 0xFF) << 16)
            | ((data[pos + 2] & 0xFF) << 8)
            | (data[pos + 3] & 0xFF);
    pos += 4;
    return v;
  }

  /** Reads an unsigned big-endian 32-bit number. */
  public long u32() throws ParseException {
    return i32() & 0xFFFF_FFFFL;
  }

  /** Reads an unsigned big-endian 48-bit number. */
  public long u48() throws ParseException {
    need(6);
    long hi = u16();
    return (hi << 32) | u32();
  }

  /** Reads a big-endian 64-bit number (the raw bits). */
  public long i64() throws ParseException {
    need(8);
    long hi = u32();
    return (hi << 32) | u32();
  }

  /** Reads {@code n} bytes into a fresh array. */
  public byte[] bytes(int n) throws ParseException {
    require(n, "bytes");
    byte[] out = Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  /** Reads {@code out.length} bytes into {@code out}. */
  public void read(byte[] out) throws ParseException {
    require(out.length, "bytes");
    System.arraycopy(data, pos, out, 0, out.length);
    pos += out.length;
  }

  /** Skips {@code n} bytes. */
  public void skip(int n) throws ParseException {
    require(n, "skip");
    pos += n;
  }

  /**
   * A reader over the next {@code n} bytes, and moves this one past them. The new reader's offsets
   * count from its own start.
   */
  public ByteReader slice(int n) throws ParseException {
    require(n, "slice");
    ByteReader sub = new ByteReader(data, pos, n);
    pos += n;
    return sub;
  }

  /** The byte at {@code position} within the region, as 0..255, without moving the cursor. */
  public int peekU8(int position) throws ParseException {
    if (position < 0 || position >= end - start) {
      throw new ParseException("no byte at " + position, position);
    }
    return data[start + position] & 0xFF;
  }
}
