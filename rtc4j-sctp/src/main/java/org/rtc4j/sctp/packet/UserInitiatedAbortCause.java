package org.rtc4j.sctp.packet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * User-Initiated Abort (RFC 9260 §3.3.10.12): the upper layer aborted the association, saying why.
 *
 * <pre>
 *  cause code = 12 | cause length
 *  upper-layer abort reason
 * </pre>
 *
 * <p>The text is UTF-8 on the wire. The bytes are kept as received, so that a cause whose bytes are
 * not valid UTF-8 still writes back unchanged; {@link #reason()} decodes them, replacing what is
 * malformed. Equality is over the bytes.
 */
public final class UserInitiatedAbortCause implements ErrorCause {
  /** The cause code. */
  public static final int CODE = 12;

  private final byte[] bytes;

  /**
   * A cause saying {@code reason}, encoded as UTF-8.
   *
   * @throws IllegalArgumentException if the text is too long for one cause
   */
  public UserInitiatedAbortCause(String reason) {
    this(Objects.requireNonNull(reason, "reason").getBytes(StandardCharsets.UTF_8), false);
  }

  private UserInitiatedAbortCause(byte[] bytes, boolean copy) {
    this.bytes = copy ? bytes.clone() : bytes;
    Tlv.checkLength(HEADER_LENGTH + (long) bytes.length, "User-Initiated Abort");
  }

  /**
   * A cause with these bytes as its text, as received (copied).
   *
   * @throws IllegalArgumentException if they are too long for one cause
   */
  public static UserInitiatedAbortCause fromBytes(byte[] bytes) {
    return new UserInitiatedAbortCause(Objects.requireNonNull(bytes, "bytes"), true);
  }

  /** The text, decoded from UTF-8. */
  public String reason() {
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

  static UserInitiatedAbortCause parseValue(ByteReader value) throws ParseException {
    return new UserInitiatedAbortCause(value.bytes(value.remaining()), false);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserInitiatedAbortCause other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "UserInitiatedAbortCause[" + reason() + "]";
  }
}
