package org.rtc4j.sctp.packet;

import java.util.Arrays;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Unrecognized Parameters (RFC 9260 §3.3.10.8): an INIT ACK carried parameters the sender did not
 * recognise whose types asked to be reported (in an ERROR sent with the COOKIE ECHO).
 *
 * <pre>
 *  cause code = 8 | cause length
 *  parameters
 * </pre>
 *
 * @param parameters the unrecognised parameters, each with header and value as received (copied in
 *     and out)
 */
public record UnrecognizedParametersCause(byte[] parameters) implements ErrorCause {
  /** The cause code. */
  public static final int CODE = 8;

  /**
   * @throws IllegalArgumentException if the information is too long for one cause
   */
  public UnrecognizedParametersCause {
    parameters = Objects.requireNonNull(parameters, "parameters").clone();
    Tlv.checkLength(HEADER_LENGTH + (long) parameters.length, "Unrecognized Parameters");
  }

  @Override
  public byte[] parameters() {
    return parameters.clone();
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + parameters.length;
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    out.u16(CODE).u16(length).bytes(parameters);
    Tlv.pad(out, length);
  }

  static UnrecognizedParametersCause parseValue(ByteReader value) throws ParseException {
    return new UnrecognizedParametersCause(value.bytes(value.remaining()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnrecognizedParametersCause other
        && Arrays.equals(parameters, other.parameters);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(parameters);
  }

  @Override
  public String toString() {
    return "UnrecognizedParametersCause[" + Tlv.hex(parameters) + "]";
  }
}
