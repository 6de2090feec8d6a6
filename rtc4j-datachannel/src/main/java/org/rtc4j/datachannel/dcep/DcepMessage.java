package org.rtc4j.datachannel.dcep;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * A message of the Data Channel Establishment Protocol (RFC 8832 §5), carried in one SCTP message
 * with PPID 50 on the stream of the channel it is about.
 */
public sealed interface DcepMessage permits DataChannelOpen, DataChannelAck {
  /** RFC 8832 §8.2.1: the Message Type of DATA_CHANNEL_ACK. */
  int TYPE_ACK = 0x02;

  /** RFC 8832 §8.2.1: the Message Type of DATA_CHANNEL_OPEN. */
  int TYPE_OPEN = 0x03;

  /** The message as it goes on the wire. */
  byte[] toBytes();

  /**
   * Parses one DCEP message, which fills {@code bytes} exactly.
   *
   * @throws ParseException if it is empty, of an unknown Message Type, truncated, longer than its
   *     own lengths say, of an unknown Channel Type, or its label or protocol is not UTF-8
   */
  static DcepMessage parse(byte[] bytes) throws ParseException {
    ByteReader reader = new ByteReader(bytes);
    int type = reader.u8();
    return switch (type) {
      case TYPE_OPEN -> DataChannelOpen.parseBody(reader);
      case TYPE_ACK -> DataChannelAck.parseBody(reader);
      default -> throw new ParseException("unknown DCEP message type " + type, 0);
    };
  }
}
