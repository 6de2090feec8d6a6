package org.rtc4j.sctp.packet;

import java.util.Arrays;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;
import org.rtc4j.sctp.common.Data;

/**
 * DATA (RFC 9260 §3.3.1): one fragment of a user message, ordered within its stream by the SSN.
 *
 * <pre>
 *  type 0 | flags: reserved(4) I U B E | length
 *  TSN
 *  stream identifier (16) | stream sequence number (16)
 *  payload protocol identifier
 *  user data (at least 1 byte)
 * </pre>
 *
 * <p>DATA has no MID or FSN: the {@code mid} and {@code fsn} of {@link #data()} are not written,
 * and are 0 in a parsed chunk.
 *
 * @param tsn the transmission sequence number (raw 32 bits)
 * @param data the fragment: stream, SSN, PPID, payload and the U, B and E flags
 * @param immediateAck the I bit (RFC 7053 §3): the sender asks for a SACK without delay
 */
public record DataChunk(int tsn, Data data, boolean immediateAck) implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 0;

  /** Header, TSN, stream, SSN and PPID: the bytes before the user data. */
  public static final int HEADER_LENGTH = 16;

  /** The most user data one DATA chunk holds (its length field is 16 bits). */
  public static final int MAX_PAYLOAD = Tlv.MAX_LENGTH - HEADER_LENGTH;

  /** The I bit (RFC 7053). */
  public static final int FLAG_IMMEDIATE_ACK = 0x08;

  /** The U bit: unordered. */
  public static final int FLAG_UNORDERED = 0x04;

  /** The B bit: the first fragment of a message. */
  public static final int FLAG_BEGINNING = 0x02;

  /** The E bit: the last fragment of a message. */
  public static final int FLAG_END = 0x01;

  /**
   * @throws IllegalArgumentException if there is no user data (RFC 9260 §3.3.1) or too much for one
   *     chunk
   */
  public DataChunk {
    Objects.requireNonNull(data, "data");
    if (data.length() == 0 || data.length() > MAX_PAYLOAD) {
      throw new IllegalArgumentException("DATA needs 1 to " + MAX_PAYLOAD + " bytes of user data");
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

  /** The chunk flags: I, U, B and E. */
  public int flags() {
    return flags(data, immediateAck);
  }

  static int flags(Data data, boolean immediateAck) {
    return (immediateAck ? FLAG_IMMEDIATE_ACK : 0)
        | (data.unordered() ? FLAG_UNORDERED : 0)
        | (data.beginning() ? FLAG_BEGINNING : 0)
        | (data.end() ? FLAG_END : 0);
  }

  @Override
  public void writeTo(ByteWriter out) {
    int length = serializedLength();
    Tlv.chunkHeader(out, TYPE, flags(), length);
    out.u32(tsn).u16(data.streamId()).u16(data.ssn()).u32(data.ppid()).bytes(data.payload());
    Tlv.pad(out, length);
  }

  static DataChunk parseValue(int flags, ByteReader value) throws ParseException {
    if (value.remaining() < HEADER_LENGTH - Chunk.HEADER_LENGTH) {
      throw new ParseException("DATA: " + value.remaining() + " bytes, needs 12", 0);
    }
    int tsn = value.i32();
    int streamId = value.u16();
    int ssn = value.u16();
    int ppid = value.i32();
    if (!value.hasRemaining()) {
      // RFC 9260 §3.3.1: a DATA chunk must carry at least one byte of user data.
      throw new ParseException("DATA without user data", value.position());
    }
    byte[] payload = value.bytes(value.remaining());
    Data data =
        new Data(
            streamId,
            ssn,
            0,
            0,
            ppid,
            payload,
            (flags & FLAG_BEGINNING) != 0,
            (flags & FLAG_END) != 0,
            (flags & FLAG_UNORDERED) != 0);
    return new DataChunk(tsn, data, (flags & FLAG_IMMEDIATE_ACK) != 0);
  }

  /** Whether two fragments are the same, payload bytes included. */
  static boolean sameData(Data a, Data b) {
    return a.streamId() == b.streamId()
        && a.ssn() == b.ssn()
        && a.mid() == b.mid()
        && a.fsn() == b.fsn()
        && a.ppid() == b.ppid()
        && a.beginning() == b.beginning()
        && a.end() == b.end()
        && a.unordered() == b.unordered()
        && Arrays.equals(a.payload(), b.payload());
  }

  /** A hash over a fragment's fields and payload bytes. */
  static int dataHash(Data d) {
    int h = Objects.hash(d.streamId(), d.ssn(), d.mid(), d.fsn(), d.ppid());
    h = 31 * h + flags(d, false);
    return 31 * h + Arrays.hashCode(d.payload());
  }

  /** Equal when TSN, I bit and fragment are, the payload compared by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof DataChunk other
        && tsn == other.tsn
        && immediateAck == other.immediateAck
        && sameData(data, other.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * tsn + Boolean.hashCode(immediateAck)) + dataHash(data);
  }

  @Override
  public String toString() {
    return "DATA[tsn="
        + Integer.toUnsignedString(tsn)
        + ", "
        + data
        + (immediateAck ? ", I" : "")
        + "]";
  }
}
