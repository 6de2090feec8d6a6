package org.rtc4j.sctp.packet;

import java.util.Arrays;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Unrecognized Parameter (RFC 9260 §3.3.3.1): in an INIT ACK, a parameter of the INIT that the
 * sender did not recognise and whose type asked to be reported.
 *
 * <pre>
 *  type = 8 | length
 *  parameter
 * </pre>
 *
 * @param parameter the unrecognised parameter, header and value as received (copied in and out)
 */
public record UnrecognizedParameterParameter(byte[] parameter) implements Parameter {
  /** The parameter type. */
  public static final int TYPE = 8;

  /**
   * @throws IllegalArgumentException if the value is too long for one parameter
   */
  public UnrecognizedParameterParameter {
    parameter = Objects.requireNonNull(parameter, "parameter").clone();
    Tlv.checkLength(HEADER_LENGTH + (long) parameter.length, "UnrecognizedParameterParameter");
  }

  /** Reports {@code unknown}: its header and value, without padding. */
  public static UnrecognizedParameterParameter of(UnknownParameter unknown) {
    return new UnrecognizedParameterParameter(
        Arrays.copyOf(unknown.toBytes(), unknown.serializedLength()));
  }

  @Override
  public byte[] parameter() {
    return parameter.clone();
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + parameter.length;
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    out.u16(TYPE).u16(length).bytes(parameter);
    Tlv.pad(out, length);
  }

  static UnrecognizedParameterParameter parseValue(ByteReader value) throws ParseException {
    return new UnrecognizedParameterParameter(value.bytes(value.remaining()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnrecognizedParameterParameter other
        && Arrays.equals(parameter, other.parameter);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(parameter);
  }

  @Override
  public String toString() {
    return "UnrecognizedParameterParameter[" + Tlv.hex(parameter) + "]";
  }
}
