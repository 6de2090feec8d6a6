package org.rtc4j.dtls.record;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * One DTLS 1.2 record as it arrived (RFC 6347 §4.1): a view into the datagram, the fragment not
 * copied. A datagram may hold several records back to back.
 *
 * @param contentType the record's type, see {@link ContentType}
 * @param version the record's protocol version, 0xfefd for DTLS 1.2 (0xfeff for 1.0)
 * @param epoch the cipher state epoch
 * @param sequence the 48-bit sequence number within the epoch
 * @param array the datagram's bytes
 * @param fragmentOffset where the fragment starts in {@code array}
 * @param fragmentLength the fragment's length
 */
public record DtlsRecord(
    int contentType,
    int version,
    int epoch,
    long sequence,
    byte[] array,
    int fragmentOffset,
    int fragmentLength) {

  /** Bytes of the DTLS 1.2 record header. */
  public static final int HEADER_LENGTH = 13;

  /** RFC 6347 §4.1 via RFC 5246 §6.2.3: a protected fragment is at most 2^14 + 2048 bytes. */
  public static final int MAX_FRAGMENT_LENGTH = (1 << 14) + 2048;

  /** DTLS 1.2 on the wire. */
  public static final int DTLS_1_2 = 0xfefd;

  /** DTLS 1.0 on the wire; clients often use it as the record version of their first hello. */
  public static final int DTLS_1_0 = 0xfeff;

  /**
   * Reads one record from {@code reader}.
   *
   * @throws ParseException when the header is cut short, the version is not DTLS, or the length
   *     runs past the datagram
   */
  public static DtlsRecord parse(ByteReader reader) throws ParseException {
    int start = reader.position();
    int type = reader.u8();
    int version = reader.u16();
    if ((version >>> 8) != 0xfe) {
      throw new ParseException(
          "not a DTLS record version: 0x" + Integer.toHexString(version), start);
    }
    int epoch = reader.u16();
    long sequence = reader.u48();
    int length = reader.u16();
    if (length > MAX_FRAGMENT_LENGTH) {
      throw new ParseException("record too long: " + length, start + 11);
    }
    reader.require(length, "record fragment");
    int offset = reader.arrayPosition();
    reader.skip(length);
    return new DtlsRecord(type, version, epoch, sequence, reader.array(), offset, length);
  }

  /** The 64-bit value RFC 6347 §4.1.2.1 puts in the AEAD's additional data and nonce. */
  public long epochAndSequence() {
    return ((long) epoch << 48) | sequence;
  }

  /**
   * Writes a record header into {@code out}.
   *
   * @return the offset just past the header
   */
  public static int writeHeader(
      byte[] out, int off, int type, int version, int epoch, long sequence, int length) {
    out[off] = (byte) type;
    out[off + 1] = (byte) (version >>> 8);
    out[off + 2] = (byte) version;
    out[off + 3] = (byte) (epoch >>> 8);
    out[off + 4] = (byte) epoch;
    for (int i = 0; i < 6; i++) {
      out[off + 5 + i] = (byte) (sequence >>> (40 - 8 * i));
    }
    out[off + 11] = (byte) (length >>> 8);
    out[off + 12] = (byte) length;
    return off + HEADER_LENGTH;
  }
}
