package org.rtc4j.datachannel.dcep;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * DATA_CHANNEL_OPEN (RFC 8832 §5.1): the opener asks the peer to open a data channel on the stream
 * the message came on.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Message Type |  Channel Type |            Priority           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Reliability Parameter                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Label Length          |       Protocol Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Label (UTF-8) ...                      |
 * |                      Protocol (UTF-8) ...                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The Reliability Parameter is kept as it came even for reliable channels, whose receivers
 * ignore it (RFC 8832 §5.1), so that a parsed message writes back to the same bytes.
 *
 * @param channelType ordered or not, and which reliability limit applies
 * @param priority the channel's priority, 0–65535 (RFC 8831 §6.4; WebRTC uses 128, 256, 512, 1024)
 * @param reliabilityParameter the retransmission limit or the lifetime in milliseconds, 0 to
 *     2<sup>32</sup>−1; senders set it to 0 for reliable channels
 * @param label the channel's label, at most 65535 bytes of UTF-8; may be empty
 * @param protocol the subprotocol, at most 65535 bytes of UTF-8; may be empty
 */
public record DataChannelOpen(
    ChannelType channelType, int priority, long reliabilityParameter, String label, String protocol)
    implements DcepMessage {

  /** Message Type, Channel Type, Priority, Reliability Parameter and the two lengths. */
  public static final int FIXED_LENGTH = 12;

  /** The largest label or protocol: its length is a 16-bit field. */
  public static final int MAX_STRING_BYTES = 0xFFFF;

  /**
   * @throws IllegalArgumentException if a number is out of its field's range, or the label or
   *     protocol is longer than 65535 bytes of UTF-8 or has an unpaired surrogate (it would not be
   *     UTF-8)
   */
  public DataChannelOpen {
    Objects.requireNonNull(channelType, "channelType");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(protocol, "protocol");
    if (priority < 0 || priority > 0xFFFF) {
      throw new IllegalArgumentException("priority is 16 bits: " + priority);
    }
    if (reliabilityParameter < 0 || reliabilityParameter > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "reliability parameter is 32 bits: " + reliabilityParameter);
    }
    checkUtf8Length("label", label);
    checkUtf8Length("protocol", protocol);
  }

  /** Parses what follows the Message Type. */
  static DataChannelOpen parseBody(ByteReader reader) throws ParseException {
    int typeAt = reader.position();
    int code = reader.u8();
    ChannelType channelType = ChannelType.fromCode(code);
    if (channelType == null) {
      throw new ParseException("unknown channel type 0x" + Integer.toHexString(code), typeAt);
    }
    int priority = reader.u16();
    long reliabilityParameter = reader.u32();
    int labelLength = reader.u16();
    int protocolLength = reader.u16();
    // RFC 8832 §5.1: the label and protocol fill the rest of the message exactly.
    if (reader.remaining() != labelLength + protocolLength) {
      throw new ParseException(
          "label and protocol lengths "
              + labelLength
              + " + "
              + protocolLength
              + " do not match the "
              + reader.remaining()
              + " bytes that follow",
          reader.position());
    }
    String label = utf8(reader, labelLength, "label");
    String protocol = utf8(reader, protocolLength, "protocol");
    return new DataChannelOpen(channelType, priority, reliabilityParameter, label, protocol);
  }

  @Override
  public byte[] toBytes() {
    byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
    byte[] protocolBytes = protocol.getBytes(StandardCharsets.UTF_8);
    int length = FIXED_LENGTH + labelBytes.length + protocolBytes.length;
    return ByteWriter.growable(length, length)
        .u8(TYPE_OPEN)
        .u8(channelType.code())
        .u16(priority)
        .u32(reliabilityParameter)
        .u16(labelBytes.length)
        .u16(protocolBytes.length)
        .bytes(labelBytes)
        .bytes(protocolBytes)
        .toByteArray();
  }

  /** Reads {@code length} bytes of strict UTF-8: malformed or overlong sequences are refused. */
  private static String utf8(ByteReader reader, int length, String what) throws ParseException {
    int at = reader.position();
    int start = reader.arrayPosition();
    reader.skip(length);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(reader.array(), start, length));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new ParseException(what + " is not UTF-8", at);
    }
  }

  private static void checkUtf8Length(String what, String value) {
    long bytes;
    try {
      bytes = Utf8Text.byteLength(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
    if (bytes > MAX_STRING_BYTES) {
      throw new IllegalArgumentException(
          what + " is " + bytes + " bytes of UTF-8, more than " + MAX_STRING_BYTES);
    }
  }
}
