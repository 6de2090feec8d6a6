package org.rtc4j.sctp.packet;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Missing Mandatory Parameter (RFC 9260 §3.3.10.2): an INIT or INIT ACK lacked mandatory
 * parameters.
 *
 * <pre>
 *  cause code = 2 | cause length = 8 + 2 * N
 *  number of missing parameters = N
 *  missing parameter type 1 (16) | missing parameter type 2 (16) | ...
 * </pre>
 *
 * <p>The count must match the types that follow.
 *
 * @param types the missing parameters' types, 0–65535 each
 */
public record MissingMandatoryParameterCause(List<Integer> types) implements ErrorCause {
  /** The cause code. */
  public static final int CODE = 2;

  /** Header and count. */
  static final int FIXED_LENGTH = 8;

  /**
   * @throws IllegalArgumentException if a type is not 16 bits or the list is too long
   */
  public MissingMandatoryParameterCause {
    types = List.copyOf(types);
    for (int t : types) {
      if ((t & ~0xFFFF) != 0) {
        throw new IllegalArgumentException("parameter type " + t + " not 16 bits");
      }
    }
    Tlv.checkLength(FIXED_LENGTH + 2L * types.size(), "Missing Mandatory Parameter");
  }

  @Override
  public int code() {
    return CODE;
  }

  @Override
  public int serializedLength() {
    return FIXED_LENGTH + 2 * types.size();
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    out.u16(CODE).u16(length).u32(types.size());
    for (int t : types) {
      out.u16(t);
    }
    Tlv.pad(out, length);
  }

  static MissingMandatoryParameterCause parseValue(ByteReader value) throws ParseException {
    value.require(4, "Missing Mandatory Parameter count");
    long count = value.u32();
    if (count * 2 != value.remaining()) {
      throw new ParseException(
          "Missing Mandatory Parameter counts "
              + count
              + " types in "
              + value.remaining()
              + " bytes",
          0);
    }
    List<Integer> types = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      types.add(value.u16());
    }
    return new MissingMandatoryParameterCause(types);
  }
}
