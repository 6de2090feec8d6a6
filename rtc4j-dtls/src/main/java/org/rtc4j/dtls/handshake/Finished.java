package org.rtc4j.dtls.handshake;

import java.security.MessageDigest;
import java.util.Arrays;
import org.rtc4j.common.ParseException;

/**
 * A Finished body (RFC 5246 §7.4.9): {@code opaque verify_data[verify_data_length]}, the PRF over
 * the master secret, a label and the transcript hash. Every TLS 1.2 suite rtc4j speaks has a
 * verify_data_length of 12; the body carries no length of its own, so any non-empty body parses and
 * the caller compares it with the 12 bytes it expects.
 *
 * @param verifyData the verify_data (copied), not empty
 */
public record Finished(byte[] verifyData) {
  /** The verify_data_length of the TLS 1.2 suites (RFC 5246 §7.4.9). */
  public static final int VERIFY_DATA_LENGTH = 12;

  /**
   * @throws IllegalArgumentException if the data is empty or longer than a handshake body can be
   */
  public Finished {
    verifyData = Vectors.copy(verifyData, 1, Vectors.MAX_U24, "verify_data");
  }

  @Override
  public byte[] verifyData() {
    return verifyData.clone();
  }

  /** Whether the verify_data equals {@code expected}, compared in constant time. */
  public boolean matches(byte[] expected) {
    return MessageDigest.isEqual(verifyData, expected);
  }

  /**
   * Parses a Finished body (without the handshake header): the whole body is the verify_data.
   *
   * @throws ParseException if the body is empty or longer than a handshake body can be
   */
  public static Finished parse(byte[] body) throws ParseException {
    Vectors.reader(body, "Finished");
    if (body.length == 0) {
      throw new ParseException("Finished: empty verify_data", 0);
    }
    return new Finished(body);
  }

  /** The body, without the handshake header. */
  public byte[] encode() {
    return verifyData.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Finished other && Arrays.equals(verifyData, other.verifyData);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(verifyData);
  }

  @Override
  public String toString() {
    return "Finished[" + Vectors.hex(verifyData) + "]";
  }
}
