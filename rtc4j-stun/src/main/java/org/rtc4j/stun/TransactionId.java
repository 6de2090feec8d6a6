package org.rtc4j.stun;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.rtc4j.common.RandomSource;

/** A STUN transaction id: 96 bits, chosen at random by the client (RFC 8489 §5). */
public final class TransactionId {
  /** The length of a transaction id in bytes. */
  public static final int LENGTH = 12;

  private final byte[] bytes;

  private TransactionId(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The transaction id made of these 12 bytes (copied).
   *
   * @throws IllegalArgumentException if there are not exactly 12 bytes
   */
  public static TransactionId of(byte[] bytes) {
    if (Objects.requireNonNull(bytes, "bytes").length != LENGTH) {
      throw new IllegalArgumentException("a transaction id has 12 bytes, not " + bytes.length);
    }
    return new TransactionId(bytes.clone());
  }

  /** The transaction id in {@code buf[offset, offset + 12)}. */
  static TransactionId copyOf(byte[] buf, int offset) {
    return new TransactionId(Arrays.copyOfRange(buf, offset, offset + LENGTH));
  }

  /** A fresh random transaction id. */
  public static TransactionId random(RandomSource random) {
    byte[] b = new byte[LENGTH];
    random.nextBytes(b);
    return new TransactionId(b);
  }

  /** A copy of the 12 bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** The byte at {@code index}, as 0..255. */
  public int byteAt(int index) {
    return bytes[index] & 0xFF;
  }

  void writeTo(byte[] out, int offset) {
    System.arraycopy(bytes, 0, out, offset, LENGTH);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransactionId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
