package org.rtc4j.sctp.packet;

import java.util.Arrays;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Heartbeat Info (RFC 9260 §3.3.5): what a HEARTBEAT carries for its sender alone, echoed in the
 * HEARTBEAT ACK.
 *
 * <pre>
 *  type = 1 | length
 *  info
 * </pre>
 *
 * @param info the sender-specific heartbeat information (copied in and out)
 */
public record HeartbeatInfoParameter(byte[] info) implements Parameter {
  /** The parameter type. */
  public static final int TYPE = 1;

  /**
   * @throws IllegalArgumentException if the value is too long for one parameter
   */
  public HeartbeatInfoParameter {
    info = Objects.requireNonNull(info, "info").clone();
    Tlv.checkLength(HEADER_LENGTH + (long) info.length, "HeartbeatInfoParameter");
  }

  @Override
  public byte[] info() {
    return info.clone();
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + info.length;
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    out.u16(TYPE).u16(length).bytes(info);
    Tlv.pad(out, length);
  }

  static HeartbeatInfoParameter parseValue(ByteReader value) throws ParseException {
    return new HeartbeatInfoParameter(value.bytes(value.remaining()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeartbeatInfoParameter other && Arrays.equals(info, other.info);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(info);
  }

  @Override
  public String toString() {
    return "HeartbeatInfoParameter[" + Tlv.hex(info) + "]";
  }
}
