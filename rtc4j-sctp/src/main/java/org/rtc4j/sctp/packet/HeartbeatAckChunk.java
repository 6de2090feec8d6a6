package org.rtc4j.sctp.packet;

import java.util.List;
import java.util.Optional;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * HEARTBEAT ACK (RFC 9260 §3.3.6): the answer to a HEARTBEAT, echoing its Heartbeat Information.
 *
 * <pre>
 *  type 5 | flags 0 | length
 *  heartbeat information TLV (a {@link HeartbeatInfoParameter})
 * </pre>
 *
 * @param parameters the parameters, normally one {@link HeartbeatInfoParameter}
 */
public record HeartbeatAckChunk(List<Parameter> parameters) implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 5;

  /**
   * @throws IllegalArgumentException if the chunk would be too long
   */
  public HeartbeatAckChunk {
    parameters = List.copyOf(parameters);
    Tlv.checkLength(
        HEADER_LENGTH + Tlv.listLength(parameters, Parameter::serializedLength), "HEARTBEAT ACK");
  }

  /** The answer to {@code request}: its parameters echoed (RFC 9260 §8.3). */
  public static HeartbeatAckChunk answering(HeartbeatRequestChunk request) {
    return new HeartbeatAckChunk(request.parameters());
  }

  /** The first Heartbeat Information parameter, if there is one. */
  public Optional<HeartbeatInfoParameter> info() {
    return firstInfo(parameters);
  }

  static Optional<HeartbeatInfoParameter> firstInfo(List<Parameter> parameters) {
    for (Parameter p : parameters) {
      if (p instanceof HeartbeatInfoParameter info) {
        return Optional.of(info);
      }
    }
    return Optional.empty();
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

  static HeartbeatAckChunk parseValue(ByteReader value) throws ParseException {
    return new HeartbeatAckChunk(Tlv.parameters(value));
  }
}
