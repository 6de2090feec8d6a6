package org.rtc4j.sctp.packet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Protocol Violation (RFC 9260 §3.3.10.13): the peer broke the protocol in a way no other cause
 * names, said in words.
 *
 * <pre>
 *  cause code = 13 | cause length
 *  additional information
 * </pre>
 *
 * <p>The text is UTF-8 on the wire. The bytes are kept as received, so that a cause whose bytes are
 * not valid UTF-8 still writes back unchanged; {@link #information()} decodes them, replacing what
 * is malformed. Equality is over the bytes.
 */
public final class ProtocolViolationCause implements ErrorCause {
  /** The cause code. */
  public static final int CODE = 13;

  private final byte[] bytes;

  /**
   * A cause saying {@code information}, encoded as UTF-8.
   *
   * @throws IllegalArgumentException if the text is too long for one cause
   */
  public ProtocolViolationCause(String information) {
    this(
        Objects.requireNonNull(information, "information").getBytes(StandardCharsets.UTF_8), false);
  }

  private ProtocolViolationCause(byte[] bytes, boolean copy) {
    this.bytes = copy ? bytes.clone() : bytes;
    Tlv.checkLength(HEADER_LENGTH + (long) bytes.length, "Protocol Violation");
  }

  /**
   * A cause with these bytes as its text, as received (copied).
   *
   * @throws IllegalArgumentException if they are too long for one cause
   */
  public static ProtocolViolationCause fromBytes(byte[] bytes) {
    return new ProtocolViolationCause(Objects.requireNonNull(bytes, "bytes"), true);
  }

  /** The text, decoded from UTF-8. */
  public String information() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The text's bytes as on the wire (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + bytes.length;
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    out.u16(CODE).u16(length).bytes(bytes);
    Tlv.pad(out, length);
  }

  static ProtocolViolationCause parseValue(ByteReader value) throws ParseException {
    return new ProtocolViolationCause(value.bytes(value.remaining()), false);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProtocolViolationCause other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "ProtocolViolationCause[" + information() + "]";
  }
}
