package org.rtc4j.sctp.packet;

import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * RE-CONFIG (RFC 6525 §3.1): carries one or two stream reconfiguration requests or responses.
 *
 * <pre>
 *  type 130 | flags 0 | length
 *  re-configuration parameter
 *  optional second re-configuration parameter
 * </pre>
 *
 * <p>The packet layer parses any number of parameters; which combinations are allowed (RFC 6525
 * §3.1) is for the association to check.
 *
 * @param parameters the requests and responses, in order
 */
public record ReConfigChunk(List<Parameter> parameters) implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 130;

  /**
   * @throws IllegalArgumentException if the chunk would be too long
   */
  public ReConfigChunk {
    parameters = List.copyOf(parameters);
    Tlv.checkLength(
        HEADER_LENGTH + Tlv.listLength(parameters, Parameter::serializedLength), "RE-CONFIG");
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + (int) Tlv.listLength(parameters, Parameter::serializedLength);
  }

  @Override
  public void writeTo(ByteWriter out) {
    Tlv.chunkHeader(out, TYPE, 0, serializedLength());
    Tlv.writeParameters(out, parameters);
  }

  static ReConfigChunk parseValue(ByteReader value) throws ParseException {
    return new ReConfigChunk(Tlv.parameters(value));
  }
}
