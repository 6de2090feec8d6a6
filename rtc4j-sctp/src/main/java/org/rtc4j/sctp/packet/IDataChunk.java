package org.rtc4j.sctp.packet;

import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;
import org.rtc4j.sctp.common.Data;

/**
 * I-DATA (RFC 8260 §2.1): one fragment of a user message, identified by its message identifier
 * (MID) and fragment sequence number (FSN), so that messages of different streams may interleave.
 *
 * <pre>
 *  type 64 | flags: reserved(4) I U B E | length
 *  TSN
 *  stream identifier (16) | reserved (16)
 *  message identifier
 *  payload protocol identifier (B set) / fragment sequence number (B clear)
 *  user data (at least 1 byte)
 * </pre>
 *
 * <p>The first fragment (B set) carries the PPID and has FSN 0; the others carry their FSN, and
 * {@code ppid} is 0 in the {@link Data} parsed from them. The {@code ssn} of {@link #data()} is not
 * written, and is 0 when parsed.
 *
 * @param tsn the transmission sequence number (raw 32 bits)
 * @param data the fragment: stream, MID, FSN or PPID, payload and the U, B and E flags
 * @param immediateAck the I bit (RFC 7053 §3): the sender asks for a SACK without delay
 */
public record IDataChunk(int tsn, Data data, boolean immediateAck) implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 64;

  /** Header, TSN, stream, reserved, MID and PPID/FSN: the bytes before the user data. */
  public static final int HEADER_LENGTH = 20;

  /** The most user data one I-DATA chunk holds (its length field is 16 bits). */
  public static final int MAX_PAYLOAD = Tlv.MAX_LENGTH - HEADER_LENGTH;

  /**
   * @throws IllegalArgumentException if there is no user data (RFC 8260 §2.1, as RFC 9260 §3.3.1)
   *     or too much for one chunk
   */
  public IDataChunk {
    Objects.requireNonNull(data, "data");
    if (data.length() == 0 || data.length() > MAX_PAYLOAD) {
      throw new IllegalArgumentException(
          "I-DATA needs 1 to " + MAX_PAYLOAD + " bytes of user data");
    }
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return HEADER_LENGTH + data.length();
  }

  /** The chunk flags: I, U, B and E, as in DATA. */
  public int flags() {
    return DataChunk.flags(data, immediateAck);
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    Tlv.chunkHeader(out, TYPE, flags(), length);
    out.u32(tsn).u16(data.streamId()).u16(0).u32(data.mid());
    // RFC 8260 §2.1: the PPID in the first fragment, the FSN in the others.
    out.u32(data.beginning() ? data.ppid() : data.fsn());
    out.bytes(data.payload());
    Tlv.pad(out, length);
  }

  static IDataChunk parseValue(int flags, ByteReader value) throws ParseException {
    if (value.remaining() < HEADER_LENGTH - Chunk.HEADER_LENGTH) {
      throw new ParseException("I-DATA: " + value.remaining() + " bytes, needs 16", 0);
    }
    int tsn = value.i32();
    int streamId = value.u16();
    value.skip(2); // reserved
    int mid = value.i32();
    int ppidOrFsn = value.i32();
    if (!value.hasRemaining()) {
      throw new ParseException("I-DATA without user data", value.position());
    }
    byte[] payload = value.bytes(value.remaining());
    boolean beginning = (flags & DataChunk.FLAG_BEGINNING) != 0;
    Data data =
        new Data(
            streamId,
            0,
            mid,
            beginning ? 0 : ppidOrFsn,
            beginning ? ppidOrFsn : 0,
            payload,
            beginning,
            (flags & DataChunk.FLAG_END) != 0,
            (flags & DataChunk.FLAG_UNORDERED) != 0);
    return new IDataChunk(tsn, data, (flags & DataChunk.FLAG_IMMEDIATE_ACK) != 0);
  }

  /** Equal when TSN, I bit and fragment are, the payload compared by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof IDataChunk other
        && tsn == other.tsn
        && immediateAck == other.immediateAck
        && DataChunk.sameData(data, other.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * tsn + Boolean.hashCode(immediateAck)) + DataChunk.dataHash(data);
  }

  @Override
  public String toString() {
    return "I-DATA[tsn="
        + Integer.toUnsignedString(tsn)
        + ", "
        + data
        + (immediateAck ? ", I" : "")
        + "]";
  }
}
