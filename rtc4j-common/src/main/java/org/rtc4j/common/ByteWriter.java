package org.rtc4j.common;

import java.util.Arrays;
import java.util.Objects;

/**
 * A bounded cursor for writing big-endian protocol fields. It grows up to a fixed limit, or writes
 * into a caller's array region; it never writes past either. Writing past the limit is a bug in the
 * caller (it built something too big) and throws {@link IllegalStateException}. Not thread-safe.
 */
public final class ByteWriter {
  private byte[] buf;
  private final int start;
  private final int limit;
  private final boolean growable;
  private int pos;

  private ByteWriter(byte[] buf, int start, int limit, boolean growable) {
    this.buf = buf;
    this.start = start;
    this.limit = limit;
    this.growable = growable;
    this.pos = start;
  }

  /** A writer that starts with {@code initialCapacity} bytes and grows up to {@code maxLength}. */
  public static ByteWriter growable(int initialCapacity, int maxLength) {
    if (initialCapacity < 0 || maxLength < initialCapacity) {
      throw new IllegalArgumentException(
          "bad capacities: initial " + initialCapacity + ", max " + maxLength);
    }
    return new ByteWriter(new byte[initialCapacity], 0, maxLength, true);
  }

  /** A writer into {@code buf[offset, offset + length)}; it never allocates. */
  public static ByteWriter into(byte[] buf, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buf.length);
    return new ByteWriter(buf, offset, offset + length, false);
  }

  /** Bytes written so far (the position, counted from the start of the region). */
  public int position() {
    return pos - start;
  }

  /** Bytes that may still be written. */
  public int remaining() {
    return growable ? limit - (pos - start) : limit - pos;
  }

  private void ensure(int n) {
    if (n > remaining()) {
      throw new IllegalStateException(
          "write of " + n + " bytes exceeds the limit; " + remaining() + " left");
    }
    if (growable && pos + n > buf.length) {
      int wanted = Math.max(pos + n, Math.min(limit, Math.max(16, buf.length * 2)));
      buf = Arrays.copyOf(buf, wanted);
    }
  }

  /** Writes an 8-bit number (the low 8 bits of {@code v}). */
  public ByteWriter u8(int v) {
    ensure(1);
    buf[pos++] = (byte) v;
    return this;
  }

  /** Writes a big-endian 16-bit number (the low 16 bits of {@code v}). */
  public ByteWriter u16(int v) {
    ensure(2);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
    return this;
  }

  /** Writes a big-endian 24-bit number (the low 24 bits of {@code v}). */
  public ByteWriter u24(int v) {
    ensure(3);
    buf[pos++] = (byte) (v >>> 16);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
    return this;
  }

  /** Writes a big-endian 32-bit number (the low 32 bits of {@code v}). */
  public ByteWriter u32(long v) {
    ensure(4);
    buf[pos++] = (byte) (v >>> 24);
    buf[pos++] = (byte) (v >>> 16);
    buf[pos++] = (byte) (v >>> 8);
    buf[pos++] = (byte) v;
    return this;
  }

  /** Writes a big-endian 64-bit number. */
  public ByteWriter u64(long v) {
    u32(v >>> 32);
    return u32(v);
  }

  /** Writes all of {@code bytes}. */
  public ByteWriter bytes(byte[] bytes) {
    return bytes(bytes, 0, bytes.length);
  }

  /** Writes {@code bytes[offset, offset + length)}. */
  public ByteWriter bytes(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    ensure(length);
    System.arraycopy(bytes, offset, buf, pos, length);
    pos += length;
    return this;
  }

  /** Writes {@code n} zero bytes. */
  public ByteWriter zeros(int n) {
    ensure(n);
    Arrays.fill(buf, pos, pos + n, (byte) 0);
    pos += n;
    return this;
  }

  /** Overwrites the 16-bit number at {@code position} (already written), e.g. a length field. */
  public ByteWriter setU16(int position, int v) {
    Objects.checkFromIndexSize(position, 2, pos - start);
    buf[start + position] = (byte) (v >>> 8);
    buf[start + position + 1] = (byte) v;
    return this;
  }

  /** Overwrites the 32-bit number at {@code position} (already written). */
  public ByteWriter setU32(int position, long v) {
    Objects.checkFromIndexSize(position, 4, pos - start);
    int at = start + position;
    buf[at] = (byte) (v >>> 24);
    buf[at + 1] = (byte) (v >>> 16);
    buf[at + 2] = (byte) (v >>> 8);
    buf[at + 3] = (byte) v;
    return this;
  }

  /** The backing array (it may be replaced as a growable writer grows). */
  public byte[] array() {
    return buf;
  }

  /** Where the written region starts in {@link #array()}. */
  public int arrayOffset() {
    return start;
  }

  /** A copy of what was written. */
  public byte[] toByteArray() {
    return Arrays.copyOfRange(buf, start, pos);
  }
}
