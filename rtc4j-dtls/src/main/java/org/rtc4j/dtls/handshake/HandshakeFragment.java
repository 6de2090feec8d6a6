package org.rtc4j.dtls.handshake;

import java.util.Arrays;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * One DTLS handshake fragment (RFC 6347 §4.2.2): the 12-byte handshake header and the bytes of the
 * message body it carries.
 *
 * <pre>
 * struct {
 *   HandshakeType msg_type;     // u8
 *   uint24 length;              // of the whole message body
 *   uint16 message_seq;
 *   uint24 fragment_offset;
 *   uint24 fragment_length;     // = data.length
 *   opaque fragment[fragment_length];
 * } Handshake;
 * </pre>
 *
 * @param type the msg_type, as a number (see {@link HandshakeType#fromCode}); unknown types parse
 * @param length the length of the whole message body
 * @param messageSeq the message_seq
 * @param fragmentOffset where in the message body {@code data} starts
 * @param data the fragment (copied)
 */
public record HandshakeFragment(
    int type, int length, int messageSeq, int fragmentOffset, byte[] data) {
  /** Bytes of the DTLS handshake header. */
  public static final int HEADER_LENGTH = 12;

  /**
   * @throws IllegalArgumentException if a field does not fit its width, or the fragment reaches
   *     past the end of the message
   */
  public HandshakeFragment {
    data = Objects.requireNonNull(data, "data").clone();
    checkHeader(type, length, messageSeq, fragmentOffset, data.length);
  }

  /** The whole message {@code body} in one fragment. */
  public static HandshakeFragment whole(int type, int messageSeq, byte[] body) {
    return new HandshakeFragment(type, body.length, messageSeq, 0, body);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The fragment_length: how many bytes of the body this fragment carries. */
  public int fragmentLength() {
    return data.length;
  }

  /** Whether this fragment carries the whole message: offset 0 and every byte of it. */
  public boolean isComplete() {
    return fragmentOffset == 0 && data.length == length;
  }

  /**
   * Reads exactly one handshake header and its fragment from {@code reader}, and leaves the reader
   * after it; more fragments may follow in the same record.
   *
   * @throws ParseException if the header is truncated, the fragment is shorter than fragment_length
   *     says, or fragment_offset + fragment_length exceeds length
   */
  public static HandshakeFragment parse(ByteReader reader) throws ParseException {
    int at = reader.position();
    if (reader.remaining() < HEADER_LENGTH) {
      throw new ParseException(
          "handshake header needs " + HEADER_LENGTH + " bytes, " + reader.remaining() + " left",
          at);
    }
    int type = reader.u8();
    int length = reader.u24();
    int messageSeq = reader.u16();
    int fragmentOffset = reader.u24();
    int fragmentLength = reader.u24();
    // RFC 6347 §4.2.2: a fragment lies within its message.
    if ((long) fragmentOffset + fragmentLength > length) {
      throw new ParseException(
          "handshake fragment at "
              + fragmentOffset
              + " of "
              + fragmentLength
              + " bytes reaches past the message's "
              + length,
          at + 6);
    }
    if (fragmentLength > reader.remaining()) {
      throw new ParseException(
          "handshake fragment_length "
              + fragmentLength
              + " but only "
              + reader.remaining()
              + " bytes follow",
          at + 9);
    }
    return new HandshakeFragment(
        type, length, messageSeq, fragmentOffset, reader.bytes(fragmentLength));
  }

  /** Writes the header and the fragment. */
  public void write(ByteWriter w) {
    w.u8(type).u24(length).u16(messageSeq).u24(fragmentOffset).u24(data.length).bytes(data);
  }

  /** The header and the fragment, as one array. */
  public byte[] encode() {
    ByteWriter w = ByteWriter.growable(HEADER_LENGTH + data.length, HEADER_LENGTH + data.length);
    write(w);
    return w.toByteArray();
  }

  /**
   * The 12-byte handshake header alone, e.g. to hash a message into the transcript as if it came in
   * one fragment (RFC 6347 §4.2.6).
   *
   * @throws IllegalArgumentException if a field does not fit its width, or the fragment reaches
   *     past the end of the message
   */
  public static byte[] header(
      int type, int length, int messageSeq, int fragmentOffset, int fragmentLength) {
    checkHeader(type, length, messageSeq, fragmentOffset, fragmentLength);
    return ByteWriter.growable(HEADER_LENGTH, HEADER_LENGTH)
        .u8(type)
        .u24(length)
        .u16(messageSeq)
        .u24(fragmentOffset)
        .u24(fragmentLength)
        .toByteArray();
  }

  private static void checkHeader(
      int type, int length, int messageSeq, int fragmentOffset, int fragmentLength) {
    Vectors.checkU8(type, "msg_type");
    Vectors.checkU16(messageSeq, "message_seq");
    if (length < 0 || length > Vectors.MAX_U24) {
      throw new IllegalArgumentException("length must fit in 24 bits: " + length);
    }
    if (fragmentOffset < 0 || fragmentLength < 0) {
      throw new IllegalArgumentException(
          "negative fragment: offset " + fragmentOffset + ", length " + fragmentLength);
    }
    if ((long) fragmentOffset + fragmentLength > length) {
      throw new IllegalArgumentException(
          "fragment at "
              + fragmentOffset
              + " of "
              + fragmentLength
              + " bytes reaches past the message's "
              + length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HandshakeFragment other
        && type == other.type
        && length == other.length
        && messageSeq == other.messageSeq
        && fragmentOffset == other.fragmentOffset
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, length, messageSeq, fragmentOffset) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    HandshakeType known = HandshakeType.fromCode(type);
    return "HandshakeFragment["
        + (known != null ? known : "type " + type)
        + ", length "
        + length
        + ", seq "
        + messageSeq
        + ", offset "
        + fragmentOffset
        + ", "
        + data.length
        + " bytes "
        + Vectors.hex(data)
        + "]";
  }
}
