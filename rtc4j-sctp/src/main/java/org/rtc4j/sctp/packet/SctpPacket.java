package org.rtc4j.sctp.packet;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * An SCTP packet (RFC 9260 §3): the common header and one or more chunks.
 *
 * <pre>
 *  source port number (16) | destination port number (16)
 *  verification tag
 *  checksum (CRC32c, RFC 9260 Appendix B)
 *  chunk 1 ... chunk N
 * </pre>
 *
 * <p>The checksum is the CRC32c of the whole packet with the checksum field set to 0, stored
 * least-significant byte first (RFC 9260 Appendix B: the CRC's bit-reflected byte order), unlike
 * every other field. RFC 9653 lets an endpoint that announced {@link
 * ZeroChecksumAcceptableParameter} accept packets whose checksum field is 0 instead; whether to
 * send or accept such packets is the association's choice, passed in here.
 *
 * <p>Bundling rules (RFC 9260 §6.10: INIT, INIT ACK and SHUTDOWN COMPLETE travel alone) are the
 * association's to keep; this layer reads and writes any sequence of chunks.
 *
 * @param sourcePort the sender's port, 0–65535
 * @param destinationPort the receiver's port, 0–65535
 * @param verificationTag the verification tag (raw 32 bits)
 * @param chunks the chunks, at least one, in order
 */
public record SctpPacket(
    int sourcePort, int destinationPort, int verificationTag, List<Chunk> chunks) {
  /** Ports, verification tag and checksum. */
  public static final int COMMON_HEADER_LENGTH = 12;

  /** Where the checksum field starts in the packet. */
  static final int CHECKSUM_OFFSET = 8;

  /**
   * @throws IllegalArgumentException if a port is not 16 bits or there are no chunks
   */
  public SctpPacket {
    checkPorts(sourcePort, destinationPort);
    chunks = List.copyOf(chunks);
    if (chunks.isEmpty()) {
      throw new IllegalArgumentException("an SCTP packet carries at least one chunk");
    }
  }

  static void checkPorts(int sourcePort, int destinationPort) {
    if ((sourcePort & ~0xFFFF) != 0 || (destinationPort & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("ports " + sourcePort + ", " + destinationPort);
    }
  }

  /**
   * Parses a packet and verifies its checksum.
   *
   * @param data the buffer holding the packet; it is not kept (payloads are copied out)
   * @param off where the packet starts in {@code data}
   * @param len the packet's length
   * @param acceptZeroChecksum whether a checksum field of 0 is accepted without verifying (RFC 9653
   *     §5.3: once this endpoint announced it accepts zero checksums)
   * @return the packet
   * @throws ParseException for any malformation: too short, no chunks, a bad checksum, a chunk that
   *     is truncated or malformed
   * @throws IndexOutOfBoundsException if {@code off} and {@code len} lie outside {@code data} (a
   *     bug in the caller, not bad input)
   */
  public static SctpPacket parse(byte[] data, int off, int len, boolean acceptZeroChecksum)
      throws ParseException {
    ByteReader in = new ByteReader(data, off, len);
    if (len < COMMON_HEADER_LENGTH + Chunk.HEADER_LENGTH) {
      throw new ParseException(
          "SCTP packet of " + len + " bytes, needs a 12-byte header and a chunk", 0);
    }
    int sourcePort = in.u16();
    int destinationPort = in.u16();
    int verificationTag = in.i32();
    int checksum = in.i32();
    if (!(checksum == 0 && acceptZeroChecksum)) {
      int computed = checksum(data, off, len);
      if (computed != checksum) {
        throw new ParseException(
            "bad checksum: "
                + Integer.toHexString(checksum)
                + " on the wire, "
                + Integer.toHexString(computed)
                + " computed",
            CHECKSUM_OFFSET);
      }
    }
    // Each chunk takes at least 4 bytes, so the list is bounded by the input.
    List<Chunk> chunks = new ArrayList<>(4);
    while (in.hasRemaining()) {
      chunks.add(Chunk.parse(in));
    }
    return new SctpPacket(sourcePort, destinationPort, verificationTag, chunks);
  }

  /** {@link #parse(byte[], int, int, boolean)} over all of {@code data}. */
  public static SctpPacket parse(byte[] data, boolean acceptZeroChecksum) throws ParseException {
    return parse(data, 0, data.length, acceptZeroChecksum);
  }

  /**
   * The checksum of the packet in {@code data[off, off + len)} as its checksum field holds it (the
   * CRC32c of the packet with that field taken as 0, its bytes reversed so that a big-endian read
   * of the field gives it), whatever the field holds now. At least the 12-byte header must be
   * there.
   */
  static int checksum(byte[] data, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(data, off, CHECKSUM_OFFSET);
    crc.update(new byte[4], 0, 4);
    crc.update(data, off + COMMON_HEADER_LENGTH, len - COMMON_HEADER_LENGTH);
    // RFC 9260 Appendix B: the reflected CRC goes on the wire least-significant byte first.
    return Integer.reverseBytes((int) crc.getValue());
  }

  /** The packet's length on the wire: header plus every chunk with its padding. */
  public int length() {
    return length(chunks);
  }

  static int length(List<Chunk> chunks) {
    int length = COMMON_HEADER_LENGTH;
    for (Chunk c : chunks) {
      length += c.paddedLength();
    }
    return length;
  }

  /**
   * The packet's bytes.
   *
   * @param zeroChecksum whether to write 0 in the checksum field instead of the CRC32c (RFC 9653;
   *     only once the peer announced it accepts that, and never for packets that RFC 9653 §5.2
   *     keeps on CRC32c)
   */
  public byte[] toBytes(boolean zeroChecksum) {
    return write(sourcePort, destinationPort, verificationTag, chunks, zeroChecksum);
  }

  static byte[] write(
      int sourcePort,
      int destinationPort,
      int verificationTag,
      List<Chunk> chunks,
      boolean zeroChecksum) {
    int length = length(chunks);
    byte[] bytes = new byte[length];
    ByteWriter out = ByteWriter.into(bytes, 0, length);
    out.u16(sourcePort).u16(destinationPort).u32(verificationTag).u32(0);
    for (Chunk c : chunks) {
      c.writeTo(out);
    }
    if (!zeroChecksum) {
      out.setU32(CHECKSUM_OFFSET, checksum(bytes, 0, length) & 0xFFFF_FFFFL);
    }
    return bytes;
  }
}
