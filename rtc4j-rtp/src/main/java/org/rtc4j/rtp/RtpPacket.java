package org.rtc4j.rtp;

import java.util.Objects;
import org.rtc4j.common.ParseException;

/**
 * A view of one RTP packet (RFC 3550 §5.1) in a caller's byte array: {@link #wrap} checks the
 * packet and the accessors read its fields in place. Nothing is copied and, once the view exists,
 * nothing is allocated, so one view can be reused for every packet of a stream.
 *
 * <pre>{@code
 * RtpPacket packet = new RtpPacket();
 * packet.wrap(datagram, 0, length);            // throws ParseException if malformed
 * int seq = packet.sequenceNumber();
 * HeaderExtensions ext = packet.extensions();  // RFC 8285 elements, also without allocating
 * while (ext.next()) { ... ext.id(), ext.offset(), ext.length() ... }
 * decode(packet.array(), packet.payloadOffset(), packet.payloadLength());
 * }</pre>
 *
 * <p>{@code wrap} checks everything a later accessor relies on: the version, that the CSRC list,
 * the header extension and its elements, and the padding fit in the packet, and that the padding
 * count is not zero. The view does not copy the array: changing the bytes behind it changes what it
 * reads, and the {@code set*} methods write the fixed header's fields in place (for rewriting a
 * forwarded packet). Until a {@code wrap} succeeds, the accessors throw {@link
 * IllegalStateException}. Not thread-safe.
 */
public final class RtpPacket {
  /** RFC 3550 §5.1: the fixed header's length, without CSRCs. */
  public static final int FIXED_HEADER_LENGTH = 12;

  /** RFC 3550 §5.1: the only version. */
  public static final int VERSION = 2;

  private final HeaderExtensions extensions = new HeaderExtensions();
  private byte[] data;
  private int offset;
  private int length;
  private int headerLength;
  private int paddingLength;
  private int extensionProfile = -1;
  private int extensionOffset;
  private int extensionLength;
  private int extensionCount;

  /** A view of no packet yet; {@link #wrap} gives it one. */
  public RtpPacket() {}

  /**
   * Points the view at the packet in {@code data[offset, offset + length)} and checks it.
   *
   * @throws ParseException if it is not a well-formed RTP packet; the view then holds none
   * @throws IndexOutOfBoundsException if the region lies outside {@code data}
   */
  public RtpPacket wrap(byte[] data, int offset, int length) throws ParseException {
    Objects.checkFromIndexSize(offset, length, data.length);
    this.data = null;
    extensions.clear();
    if (length < FIXED_HEADER_LENGTH) {
      throw new ParseException("an RTP header needs 12 bytes, got " + length, 0);
    }
    int first = data[offset] & 0xFF;
    if (first >>> 6 != VERSION) {
      throw new ParseException("RTP version " + (first >>> 6) + ", not 2", 0);
    }
    int header = FIXED_HEADER_LENGTH + 4 * (first & 0x0F);
    if (header > length) {
      throw new ParseException("CSRC list overruns the packet", FIXED_HEADER_LENGTH);
    }
    int profile = -1;
    int blockOffset = 0;
    int blockLength = 0;
    if ((first & 0x10) != 0) {
      // RFC 3550 §5.3.1: profile (16 bits), length in 32-bit words (16 bits), then the words.
      if (length - header < 4) {
        throw new ParseException("header extension header overruns the packet", header);
      }
      profile = u16(data, offset + header);
      blockLength = 4 * u16(data, offset + header + 2);
      blockOffset = header + 4;
      if (blockLength > length - blockOffset) {
        throw new ParseException("header extension overruns the packet", header + 2);
      }
      header = blockOffset + blockLength;
    }
    int padding = 0;
    if ((first & 0x20) != 0) {
      // RFC 3550 §5.1: the last byte counts the padding, itself included.
      padding = data[offset + length - 1] & 0xFF;
      if (padding == 0) {
        throw new ParseException("padding count of zero", length - 1);
      }
      if (padding > length - header) {
        throw new ParseException(
            "padding of " + padding + " overruns the payload of " + (length - header), length - 1);
      }
    }
    int count = 0;
    if (profile >= 0) {
      count =
          extensions.reset(
              data, offset + blockOffset, offset + blockOffset + blockLength, profile, offset);
    }
    this.data = data;
    this.offset = offset;
    this.length = length;
    this.headerLength = header;
    this.paddingLength = padding;
    this.extensionProfile = profile;
    this.extensionOffset = offset + blockOffset;
    this.extensionLength = blockLength;
    this.extensionCount = count;
    return this;
  }

  /**
   * Whether {@code data[offset, offset + length)} looks like RTP rather than RTCP, when both share
   * a port (RFC 5761 §4): version 2 and a payload type outside RTCP's 64–95 with the marker bit. It
   * checks no more than that.
   */
  public static boolean looksLikeRtp(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    if (length < FIXED_HEADER_LENGTH || (data[offset] & 0xC0) != 0x80) {
      return false;
    }
    int pt = data[offset + 1] & 0x7F;
    return pt < 64 || pt > 95;
  }

  /** Whether the view holds a packet: the last {@link #wrap} succeeded. */
  public boolean isWrapped() {
    return data != null;
  }

  /** The array the packet is in. */
  public byte[] array() {
    check();
    return data;
  }

  /** Where the packet starts in {@link #array()}. */
  public int offset() {
    check();
    return offset;
  }

  /** The whole packet's length: header, payload and padding. */
  public int length() {
    check();
    return length;
  }

  /** The version field; always 2 once wrapped. */
  public int version() {
    check();
    return (data[offset] & 0xFF) >>> 6;
  }

  /** The padding (P) bit. */
  public boolean hasPadding() {
    check();
    return (data[offset] & 0x20) != 0;
  }

  /** The extension (X) bit. */
  public boolean hasExtension() {
    check();
    return (data[offset] & 0x10) != 0;
  }

  /** The marker (M) bit. */
  public boolean marker() {
    check();
    return (data[offset + 1] & 0x80) != 0;
  }

  /** The payload type, 0 to 127. */
  public int payloadType() {
    check();
    return data[offset + 1] & 0x7F;
  }

  /** The sequence number, 0 to 65535. */
  public int sequenceNumber() {
    check();
    return u16(data, offset + 2);
  }

  /** The timestamp, an unsigned 32-bit number. */
  public long timestamp() {
    check();
    return u32(data, offset + 4);
  }

  /** The SSRC, an unsigned 32-bit number. */
  public long ssrc() {
    check();
    return u32(data, offset + 8);
  }

  /** The number of CSRCs, 0 to 15. */
  public int csrcCount() {
    check();
    return data[offset] & 0x0F;
  }

  /**
   * The {@code index}-th CSRC, an unsigned 32-bit number.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < csrcCount()}
   */
  public long csrc(int index) {
    Objects.checkIndex(index, csrcCount());
    return u32(data, offset + FIXED_HEADER_LENGTH + 4 * index);
  }

  /** The header's length: fixed header, CSRCs and the header extension. */
  public int headerLength() {
    check();
    return headerLength;
  }

  /** Where the payload starts in {@link #array()}. */
  public int payloadOffset() {
    check();
    return offset + headerLength;
  }

  /** The payload's length, without padding. */
  public int payloadLength() {
    check();
    return length - headerLength - paddingLength;
  }

  /** The padding's length, its count byte included; 0 without padding. */
  public int paddingLength() {
    check();
    return paddingLength;
  }

  /**
   * The header extension's profile field: {@link HeaderExtensions#ONE_BYTE_PROFILE}, {@code
   * 0x1000}–{@code 0x100F} for two-byte headers, another profile's value, or -1 without an
   * extension.
   */
  public int extensionProfile() {
    check();
    return extensionProfile;
  }

  /** Where the header extension's data starts in {@link #array()} (after its 4-byte header). */
  public int extensionOffset() {
    check();
    return extensionOffset;
  }

  /** The header extension's data length (its length field times 4); 0 without one. */
  public int extensionLength() {
    check();
    return extensionLength;
  }

  /** The number of RFC 8285 extension elements (padding bytes not counted). */
  public int extensionCount() {
    check();
    return extensionCount;
  }

  /**
   * The cursor over the RFC 8285 extension elements, rewound to before the first. It is the same
   * object on every call, so rewinding it here rewinds every earlier reference to it too.
   */
  public HeaderExtensions extensions() {
    check();
    return extensions.rewind();
  }

  /** Sets the marker bit in place. */
  public void setMarker(boolean marker) {
    check();
    data[offset + 1] = (byte) ((data[offset + 1] & 0x7F) | (marker ? 0x80 : 0));
  }

  /** Sets the payload type in place. */
  public void setPayloadType(int payloadType) {
    check();
    RtpWriter.checkPayloadType(payloadType);
    data[offset + 1] = (byte) ((data[offset + 1] & 0x80) | payloadType);
  }

  /** Sets the sequence number in place. */
  public void setSequenceNumber(int sequenceNumber) {
    check();
    RtpWriter.checkU16("sequence number", sequenceNumber);
    data[offset + 2] = (byte) (sequenceNumber >>> 8);
    data[offset + 3] = (byte) sequenceNumber;
  }

  /** Sets the timestamp in place. */
  public void setTimestamp(long timestamp) {
    check();
    RtpWriter.checkU32("timestamp", timestamp);
    putU32(data, offset + 4, timestamp);
  }

  /** Sets the SSRC in place. */
  public void setSsrc(long ssrc) {
    check();
    RtpWriter.checkU32("SSRC", ssrc);
    putU32(data, offset + 8, ssrc);
  }

  @Override
  public String toString() {
    if (data == null) {
      return "RtpPacket[none]";
    }
    return "RtpPacket[pt="
        + payloadType()
        + ", seq="
        + sequenceNumber()
        + ", ts="
        + timestamp()
        + ", ssrc="
        + ssrc()
        + (marker() ? ", marker" : "")
        + ", csrcs="
        + csrcCount()
        + ", extensions="
        + extensionCount
        + ", payload="
        + payloadLength()
        + ", padding="
        + paddingLength
        + "]";
  }

  private void check() {
    if (data == null) {
      throw new IllegalStateException("no packet: wrap one first");
    }
  }

  static int u16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  static long u32(byte[] b, int at) {
    return ((long) (b[at] & 0xFF) << 24)
        | ((b[at + 1] & 0xFF) << 16)
        | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  static void putU32(byte[] b, int at, long v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
