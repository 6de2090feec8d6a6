package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * One chunk of an SCTP packet (RFC 9260 §3.2): a type, flags, a 16-bit length that counts the
 * 4-byte header and the value, then zero padding to a multiple of 4 bytes.
 *
 * <p>Chunks are immutable values. Types this layer knows parse into their own records; any other
 * type becomes an {@link UnknownChunk}, kept as is. Flags a chunk type does not define are ignored
 * when parsed and written as 0.
 */
public sealed interface Chunk
    permits DataChunk,
        IDataChunk,
        InitChunk,
        InitAckChunk,
        SackChunk,
        HeartbeatRequestChunk,
        HeartbeatAckChunk,
        AbortChunk,
        ShutdownChunk,
        ShutdownAckChunk,
        ErrorChunk,
        CookieEchoChunk,
        CookieAckChunk,
        ShutdownCompleteChunk,
        ReConfigChunk,
        ForwardTsnChunk,
        IForwardTsnChunk,
        UnknownChunk {
  /** The chunk header: type, flags and length. */
  int HEADER_LENGTH = Tlv.HEADER_LENGTH;

  /** The chunk type byte (RFC 9260 §3.2). */
  int type();

  /** What the Chunk Length field says: header and value, without the trailing padding. */
  int serializedLength();

  /** The bytes the chunk takes in a packet: {@link #serializedLength()} padded to 4. */
  default int paddedLength() {
    return Tlv.padded(serializedLength());
  }

  /** Writes header, value and the zero padding to a multiple of 4 bytes. */
  void writeTo(ByteWriter out);

  /** The chunk as written by {@link #writeTo}, padding included. */
  default byte[] toBytes() {
    int length = paddedLength();
    ByteWriter out = ByteWriter.into(new byte[length], 0, length);
    writeTo(out);
    return out.array();
  }

  /**
   * Reads one chunk and its padding. Every chunk is padded to a multiple of 4 bytes, the last one
   * of a packet too (RFC 9260 §3.2); the padding bytes' values are ignored. Offsets in the
   * exception count from the start of {@code in}'s region.
   *
   * @throws ParseException if the chunk is truncated, runs past {@code in}, lacks its padding, or
   *     its value is malformed for its type (a DATA or I-DATA chunk without user data included)
   */
  static Chunk parse(ByteReader in) throws ParseException {
    int start = in.position();
    if (in.remaining() < HEADER_LENGTH) {
      throw new ParseException(
          "chunk header needs 4 bytes, " + in.remaining() + " left", in.position());
    }
    int type = in.u8();
    int flags = in.u8();
    int length = in.u16();
    if (length < HEADER_LENGTH) {
      throw new ParseException("chunk length " + length + " is below 4", start + 2);
    }
    int valueStart = in.position();
    if (length - HEADER_LENGTH > in.remaining()) {
      throw new ParseException(
          "chunk of type " + type + " and length " + length + " runs past the packet", start + 2);
    }
    ByteReader value = in.slice(length - HEADER_LENGTH);
    int padding = Tlv.padding(length);
    if (padding > in.remaining()) {
      throw new ParseException("chunk of type " + type + " lacks its padding", in.position());
    }
    in.skip(padding);
    try {
      return parseValue(type, flags, value);
    } catch (ParseException e) {
      throw new ParseException(e.reason(), valueStart + e.offset());
    }
  }

  private static Chunk parseValue(int type, int flags, ByteReader value) throws ParseException {
    return switch (type) {
      case DataChunk.TYPE -> DataChunk.parseValue(flags, value);
      case InitChunk.TYPE -> InitChunk.parseValue(value);
      case InitAckChunk.TYPE -> InitAckChunk.parseValue(value);
      case SackChunk.TYPE -> SackChunk.parseValue(value);
      case HeartbeatRequestChunk.TYPE -> HeartbeatRequestChunk.parseValue(value);
      case HeartbeatAckChunk.TYPE -> HeartbeatAckChunk.parseValue(value);
      case AbortChunk.TYPE -> AbortChunk.parseValue(flags, value);
      case ShutdownChunk.TYPE -> ShutdownChunk.parseValue(value);
      case ShutdownAckChunk.TYPE -> ShutdownAckChunk.parseValue(value);
      case ErrorChunk.TYPE -> ErrorChunk.parseValue(value);
      case CookieEchoChunk.TYPE -> CookieEchoChunk.parseValue(value);
      case CookieAckChunk.TYPE -> CookieAckChunk.parseValue(value);
      case ShutdownCompleteChunk.TYPE -> ShutdownCompleteChunk.parseValue(flags, value);
      case IDataChunk.TYPE -> IDataChunk.parseValue(flags, value);
      case ReConfigChunk.TYPE -> ReConfigChunk.parseValue(value);
      case ForwardTsnChunk.TYPE -> ForwardTsnChunk.parseValue(value);
      case IForwardTsnChunk.TYPE -> IForwardTsnChunk.parseValue(value);
      default -> new UnknownChunk(type, flags, value.bytes(value.remaining()));
    };
  }

  /** Whether this layer parses chunks of {@code type} into their own record. */
  static boolean isKnownType(int type) {
    return switch (type) {
      case DataChunk.TYPE,
          InitChunk.TYPE,
          InitAckChunk.TYPE,
          SackChunk.TYPE,
          HeartbeatRequestChunk.TYPE,
          HeartbeatAckChunk.TYPE,
          AbortChunk.TYPE,
          ShutdownChunk.TYPE,
          ShutdownAckChunk.TYPE,
          ErrorChunk.TYPE,
          CookieEchoChunk.TYPE,
          CookieAckChunk.TYPE,
          ShutdownCompleteChunk.TYPE,
          IDataChunk.TYPE,
          ReConfigChunk.TYPE,
          ForwardTsnChunk.TYPE,
          IForwardTsnChunk.TYPE ->
          true;
      default -> false;
    };
  }
}
