package org.rtc4j.datachannel.dcep;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * DATA_CHANNEL_ACK (RFC 8832 §5.2): the peer accepted a DATA_CHANNEL_OPEN. One byte, the Message
 * Type.
 */
public record DataChannelAck() implements DcepMessage {
  /** The only ACK there is. */
  public static final DataChannelAck INSTANCE = new DataChannelAck();

  @Override
  public byte[] toBytes() {
    return new byte[] {(byte) TYPE_ACK};
  }

  /** Parses what follows the Message Type: nothing. */
  static DataChannelAck parseBody(ByteReader reader) throws ParseException {
    if (reader.hasRemaining()) {
      throw new ParseException(
          "DATA_CHANNEL_ACK has " + reader.remaining() + " bytes after its type",
          reader.position());
    }
    return INSTANCE;
  }
}
