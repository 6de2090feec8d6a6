package org.rtc4j.sctp.packet;

import java.util.List;
import java.util.Optional;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * HEARTBEAT (RFC 9260 §3.3.5): probes a path; the peer echoes its Heartbeat Information in a
 * HEARTBEAT ACK.
 *
 * <pre>
 *  type 4 | flags 0 | length
 *  heartbeat information TLV (a {@link HeartbeatInfoParameter})
 * </pre>
 *
 * @param parameters the parameters, normally one {@link HeartbeatInfoParameter}
 */
public record HeartbeatRequestChunk(List<Parameter> parameters) implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 4;

  /**
   * @throws IllegalArgumentException if the chunk would be too long
   */
  public HeartbeatRequestChunk {
    parameters = List.copyOf(parameters);
    Tlv.checkLength(
        HEADER_LENGTH + Tlv.listLength(parameters, Parameter::serializedLength), "HEARTBEAT");
  }

  /** A HEARTBEAT carrying {@code info} as its Heartbeat Information. */
  public static HeartbeatRequestChunk of(byte[] info) {
    return new HeartbeatRequestChunk(List.of(new HeartbeatInfoParameter(info)));
  }

  /** The first Heartbeat Information parameter, if there is one. */
  public Optional<HeartbeatInfoParameter> info() {
    return HeartbeatAckChunk.firstInfo(parameters);
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

  static HeartbeatRequestChunk parseValue(ByteReader value) throws ParseException {
    return new HeartbeatRequestChunk(Tlv.parameters(value));
  }
}
