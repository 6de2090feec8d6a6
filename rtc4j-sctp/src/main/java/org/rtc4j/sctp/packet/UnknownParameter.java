package org.rtc4j.sctp.packet;

import java.util.Arrays;
import java.util.Objects;
import org.rtc4j.common.ByteWriter;

/**
 * A parameter of a type this layer does not parse (IPv4 and IPv6 addresses, Cookie Preservative,
 * Host Name Address, Supported Address Types, ...), kept as it came so that it can be reported or
 * written back. Its type's two highest bits say what a receiver that does not recognise it does
 * ({@link #action()}, RFC 9260 §3.2.1).
 *
 * @param type the parameter type, 0–65535, none that this layer parses into its own record
 * @param value the value, without header or padding (copied in and out)
 */
public record UnknownParameter(int type, byte[] value) implements Parameter {
  /**
   * @throws IllegalArgumentException if the type is not 16 bits or is one this layer parses, or the
   *     value is too long for one parameter
   */
  public UnknownParameter {
    if ((type & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("parameter type " + type + " not 16 bits");
    }
    if (Parameter.isKnownType(type)) {
      throw new IllegalArgumentException("parameter type " + type + " has its own record");
    }
    value = Objects.requireNonNull(value, "value").clone();
    Tlv.checkLength(HEADER_LENGTH + (long) value.length, "parameter");
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** What a receiver that does not recognise the type does (RFC 9260 §3.2.1). */
  public UnrecognizedAction action() {
    return UnrecognizedAction.ofParameterType(type);
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + value.length;
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    out.u16(type).u16(length).bytes(value);
    Tlv.pad(out, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownParameter other
        && type == other.type
        && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return 31 * type + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "UnknownParameter[type=0x" + Integer.toHexString(type) + ", " + Tlv.hex(value) + "]";
  }
}
