package org.rtc4j.stun.attributes;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;
import org.rtc4j.stun.TransactionId;

/**
 * PASSWORD-ALGORITHM (RFC 8489 §14.12): the algorithm a client chose for the long-term key; also
 * one entry of {@link PasswordAlgorithms}.
 *
 * @param algorithm {@link #MD5} or {@link #SHA_256}, or another registered number
 * @param parameters the algorithm's parameters (empty for MD5 and SHA-256; copied)
 */
public record PasswordAlgorithm(int algorithm, byte[] parameters) implements StunAttribute {
  /** MD5 (RFC 8489 §18.5.1.1). */
  public static final int MD5 = 0x0001;

  /** SHA-256 (RFC 8489 §18.5.1.2). */
  public static final int SHA_256 = 0x0002;

  /**
   * @throws IllegalArgumentException if the number or parameter length exceed 16 bits
   */
  public PasswordAlgorithm {
    if (algorithm < 0 || algorithm > 0xFFFF) {
      throw new IllegalArgumentException("algorithm must fit in 16 bits: " + algorithm);
    }
    parameters = Objects.requireNonNull(parameters, "parameters").clone();
    if (parameters.length > 0xFFFF) {
      throw new IllegalArgumentException("parameters too long: " + parameters.length);
    }
  }

  /** An algorithm without parameters. */
  public static PasswordAlgorithm of(int algorithm) {
    return new PasswordAlgorithm(algorithm, new byte[0]);
  }

  @Override
  public byte[] parameters() {
    return parameters.clone();
  }

  @Override
  public int type() {
    return AttributeType.PASSWORD_ALGORITHM;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.u16(algorithm).u16(parameters.length).bytes(parameters);
    out.zeros((4 - parameters.length % 4) % 4);
  }

  /** Reads one algorithm entry (number, length, padded parameters). */
  static PasswordAlgorithm read(ByteReader value) throws ParseException {
    int algorithm = value.u16();
    int length = value.u16();
    byte[] parameters = value.bytes(length);
    value.skip(Math.min(value.remaining(), (4 - length % 4) % 4));
    return new PasswordAlgorithm(algorithm, parameters);
  }

  static PasswordAlgorithm decode(ByteReader value) throws ParseException {
    return read(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PasswordAlgorithm other
        && algorithm == other.algorithm
        && Arrays.equals(parameters, other.parameters);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm + Arrays.hashCode(parameters);
  }

  @Override
  public String toString() {
    return "PasswordAlgorithm[" + algorithm + ", " + HexFormat.of().formatHex(parameters) + "]";
  }
}
