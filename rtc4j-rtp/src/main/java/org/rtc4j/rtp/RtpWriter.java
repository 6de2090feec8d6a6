package org.rtc4j.rtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * Writes one RTP packet (RFC 3550 §5.1) into a caller's byte array, in wire order: the fixed
 * header's fields (any time), then CSRCs, then header extension elements (RFC 8285), then the
 * payload, then padding; {@link #finish()} returns the packet's length. One writer can be reused
 * for every packet, and it allocates nothing.
 *
 * <pre>{@code
 * int length = writer.start(buffer, 0, buffer.length)
 *     .payloadType(96).sequenceNumber(seq).timestamp(ts).ssrc(ssrc).marker(true)
 *     .extension(midId, new Mid("0"))
 *     .extension(twccId, new TransportSequenceNumber(twccSeq))
 *     .payload(frame, 0, frameLength)
 *     .finish();
 * }</pre>
 *
 * <p>Extension elements use the one-byte form (profile {@code 0xBEDE}) while they fit it: ids 1 to
 * 14 and 1 to 16 bytes of data. The first element that does not (an id above 14, or an empty or
 * longer value) turns the whole block into the two-byte form (RFC 8285 §4.3), moving the elements
 * already written; {@link #twoByteExtensions(int)} asks for the two-byte form from the start. Only
 * a peer that accepted {@code a=extmap-allow-mixed} (RFC 8285 §6) may be sent a two-byte block when
 * every element would have fitted in one-byte headers.
 *
 * <p>Steps out of order, values outside their fields and packets larger than the region are bugs in
 * the caller: they throw {@link IllegalStateException} or {@link IllegalArgumentException}. Not
 * thread-safe.
 */
public final class RtpWriter {
  /** The most elements a one-byte block may hold before it must be rewritten as two-byte. */
  private static final int MAX_ONE_BYTE_ELEMENTS = 256;

  private enum Step {
    IDLE,
    CSRCS,
    EXTENSIONS,
    PAYLOAD,
    PADDED
  }

  private static final int FORM_NONE = 0;
  private static final int FORM_ONE_BYTE = 1;
  private static final int FORM_TWO_BYTE = 2;

  private final int[] elementStarts = new int[MAX_ONE_BYTE_ELEMENTS];
  private byte[] buf;
  private int start;
  private int limit;
  private int pos;
  private Step step = Step.IDLE;
  private int form;
  private boolean forceTwoByte;
  private int appBits;
  private int blockStart;
  private int elementCount;
  private boolean rawBlock;

  /** A writer with no packet yet; {@link #start} begins one. */
  public RtpWriter() {}

  /**
   * Begins a packet in {@code buf[offset, offset + capacity)}: version 2 and every other fixed
   * header field zero until set.
   *
   * @throws IllegalArgumentException if the region cannot hold the 12-byte fixed header
   * @throws IndexOutOfBoundsException if the region lies outside {@code buf}
   */
  public RtpWriter start(byte[] buf, int offset, int capacity) {
    Objects.checkFromIndexSize(offset, capacity, buf.length);
    if (capacity < RtpPacket.FIXED_HEADER_LENGTH) {
      throw new IllegalArgumentException("capacity " + capacity + " < 12");
    }
    this.buf = buf;
    this.start = offset;
    this.limit = offset + capacity;
    Arrays.fill(buf, offset, offset + RtpPacket.FIXED_HEADER_LENGTH, (byte) 0);
    buf[offset] = (byte) (RtpPacket.VERSION << 6);
    pos = offset + RtpPacket.FIXED_HEADER_LENGTH;
    step = Step.CSRCS;
    form = FORM_NONE;
    forceTwoByte = false;
    appBits = 0;
    elementCount = 0;
    rawBlock = false;
    return this;
  }

  /** Sets the payload type, 0 to 127. */
  public RtpWriter payloadType(int payloadType) {
    started();
    checkPayloadType(payloadType);
    buf[start + 1] = (byte) ((buf[start + 1] & 0x80) | payloadType);
    return this;
  }

  /** Sets the marker bit. */
  public RtpWriter marker(boolean marker) {
    started();
    buf[start + 1] = (byte) ((buf[start + 1] & 0x7F) | (marker ? 0x80 : 0));
    return this;
  }

  /** Sets the sequence number, 0 to 65535. */
  public RtpWriter sequenceNumber(int sequenceNumber) {
    started();
    checkU16("sequence number", sequenceNumber);
    buf[start + 2] = (byte) (sequenceNumber >>> 8);
    buf[start + 3] = (byte) sequenceNumber;
    return this;
  }

  /** Sets the timestamp, 0 to 2^32 - 1. */
  public RtpWriter timestamp(long timestamp) {
    started();
    checkU32("timestamp", timestamp);
    RtpPacket.putU32(buf, start + 4, timestamp);
    return this;
  }

  /** Sets the SSRC, 0 to 2^32 - 1. */
  public RtpWriter ssrc(long ssrc) {
    started();
    checkU32("SSRC", ssrc);
    RtpPacket.putU32(buf, start + 8, ssrc);
    return this;
  }

  /**
   * Appends a CSRC (at most 15), before any extension or payload.
   *
   * @throws IllegalStateException after an extension or the payload, or past 15 CSRCs
   */
  public RtpWriter csrc(long csrc) {
    checkU32("CSRC", csrc);
    if (step != Step.CSRCS) {
      throw new IllegalStateException("CSRCs come before extensions and payload");
    }
    int count = buf[start] & 0x0F;
    if (count == 15) {
      throw new IllegalStateException("at most 15 CSRCs");
    }
    ensure(4);
    RtpPacket.putU32(buf, pos, csrc);
    pos += 4;
    buf[start] = (byte) ((buf[start] & 0xF0) | (count + 1));
    return this;
  }

  /**
   * Writes the extension elements with two-byte headers (RFC 8285 §4.3) even if they would fit in
   * one-byte headers, with {@code appBits} (0 to 15) in the low bits of the profile. Only for a
   * peer that accepted {@code a=extmap-allow-mixed}.
   *
   * @throws IllegalStateException after the first element, or after the payload
   */
  public RtpWriter twoByteExtensions(int appBits) {
    if (appBits < 0 || appBits > 15) {
      throw new IllegalArgumentException("appbits " + appBits + " outside 0-15");
    }
    if (step != Step.CSRCS || elementCount > 0) {
      throw new IllegalStateException("choose the extension form before the first element");
    }
    forceTwoByte = true;
    this.appBits = appBits;
    return this;
  }

  /**
   * Appends an extension element with id {@code id} and the data {@code value[offset, +length)}.
   */
  public RtpWriter extension(int id, byte[] value, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, value.length);
    int at = reserveExtension(id, length);
    System.arraycopy(value, offset, buf, at, length);
    return this;
  }

  /** Appends an extension element with id {@code id} and a typed value. */
  public RtpWriter extension(int id, HeaderExtension value) {
    int at = reserveExtension(id, value.length());
    value.write(buf, at);
    return this;
  }

  /**
   * Appends an extension element with id {@code id} and {@code length} bytes of data that the
   * caller writes itself, and returns where in the array they go. That place is only valid until
   * the next extension element: one that needs the two-byte form moves the earlier ones.
   *
   * @throws IllegalArgumentException if the id or the length fits neither form: ids are 1 to 255,
   *     lengths 0 to 255 (RFC 8285 §4.3)
   * @throws IllegalStateException after the payload, or after a raw {@link #extensionBlock}
   */
  public int reserveExtension(int id, int length) {
    if (id < 1 || id > 255) {
      throw new IllegalArgumentException("extension id " + id + " outside 1-255");
    }
    if (length < 0 || length > HeaderExtensions.TWO_BYTE_MAX_LENGTH) {
      throw new IllegalArgumentException("extension length " + length + " outside 0-255");
    }
    openBlock();
    boolean fitsOneByte =
        id <= HeaderExtensions.ONE_BYTE_MAX_ID
            && length >= 1
            && length <= HeaderExtensions.ONE_BYTE_MAX_LENGTH;
    if (form == FORM_NONE) {
      form = forceTwoByte || !fitsOneByte ? FORM_TWO_BYTE : FORM_ONE_BYTE;
      writeProfile();
    } else if (form == FORM_ONE_BYTE && !fitsOneByte) {
      upgradeToTwoByte();
    }
    if (form == FORM_ONE_BYTE) {
      if (elementCount == MAX_ONE_BYTE_ELEMENTS) {
        throw new IllegalStateException("more than " + MAX_ONE_BYTE_ELEMENTS + " elements");
      }
      ensure(1 + length);
      elementStarts[elementCount] = pos;
      buf[pos++] = (byte) ((id << 4) | (length - 1));
    } else {
      ensure(2 + length);
      buf[pos++] = (byte) id;
      buf[pos++] = (byte) length;
    }
    elementCount++;
    int at = pos;
    pos += length;
    return at;
  }

  /**
   * Writes a header extension of another profile than RFC 8285's (RFC 3550 §5.3.1): {@code profile}
   * and {@code data[offset, +length)}, a multiple of 4 bytes, as they are. It is the packet's only
   * extension block.
   *
   * @throws IllegalStateException after an extension element, or after the payload
   */
  public RtpWriter extensionBlock(int profile, byte[] data, int offset, int length) {
    checkU16("profile", profile);
    Objects.checkFromIndexSize(offset, length, data.length);
    if (length % 4 != 0 || length / 4 > 0xFFFF) {
      throw new IllegalArgumentException("extension data of " + length + " bytes");
    }
    if (step != Step.CSRCS || forceTwoByte) {
      throw new IllegalStateException("one extension block, before the payload");
    }
    ensure(4 + length);
    buf[start] |= 0x10;
    buf[pos] = (byte) (profile >>> 8);
    buf[pos + 1] = (byte) profile;
    buf[pos + 2] = (byte) (length / 4 >>> 8);
    buf[pos + 3] = (byte) (length / 4);
    System.arraycopy(data, offset, buf, pos + 4, length);
    pos += 4 + length;
    rawBlock = true;
    step = Step.PAYLOAD;
    return this;
  }

  /** Appends {@code data[offset, +length)} to the payload. */
  public RtpWriter payload(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    int at = reservePayload(length);
    System.arraycopy(data, offset, buf, at, length);
    return this;
  }

  /**
   * Appends {@code length} payload bytes that the caller writes itself, and returns where in the
   * array they go.
   */
  public int reservePayload(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative payload length " + length);
    }
    closeHeader();
    ensure(length);
    int at = pos;
    pos += length;
    return at;
  }

  /**
   * Appends {@code count} bytes of padding (1 to 255, the count byte included; RFC 3550 §5.1) and
   * sets the P bit. Nothing may follow but {@link #finish()}.
   */
  public RtpWriter padding(int count) {
    if (count < 1 || count > 255) {
      throw new IllegalArgumentException("padding " + count + " outside 1-255");
    }
    closeHeader();
    ensure(count);
    Arrays.fill(buf, pos, pos + count - 1, (byte) 0);
    buf[pos + count - 1] = (byte) count;
    pos += count;
    buf[start] |= 0x20;
    step = Step.PADDED;
    return this;
  }

  /** The packet's length so far. */
  public int position() {
    started();
    return pos - start;
  }

  /**
   * Completes the packet and returns its length; the writer then needs a new {@link #start}.
   *
   * @throws IllegalStateException if no packet was started
   */
  public int finish() {
    started();
    if (step != Step.PADDED) {
      closeHeader();
    }
    step = Step.IDLE;
    int length = pos - start;
    buf = null;
    return length;
  }

  private void openBlock() {
    if (step == Step.CSRCS) {
      step = Step.EXTENSIONS;
      ensure(4);
      blockStart = pos;
      pos += 4;
      buf[start] |= 0x10;
    } else if (step != Step.EXTENSIONS || rawBlock) {
      throw new IllegalStateException("extensions come before the payload, in one block");
    }
  }

  private void writeProfile() {
    int profile =
        form == FORM_ONE_BYTE
            ? HeaderExtensions.ONE_BYTE_PROFILE
            : HeaderExtensions.TWO_BYTE_PROFILE | appBits;
    buf[blockStart] = (byte) (profile >>> 8);
    buf[blockStart + 1] = (byte) profile;
  }

  /**
   * Rewrites the one-byte elements written so far as two-byte ones, in place: each header grows by
   * a byte, so element k moves k bytes right and its data k + 1. Working from the last element
   * back, nothing is overwritten before it has moved.
   */
  private void upgradeToTwoByte() {
    ensure(elementCount);
    for (int k = elementCount - 1; k >= 0; k--) {
      int from = elementStarts[k];
      int header = buf[from] & 0xFF;
      int id = header >>> 4;
      int length = (header & 0x0F) + 1;
      System.arraycopy(buf, from + 1, buf, from + k + 2, length);
      buf[from + k] = (byte) id;
      buf[from + k + 1] = (byte) length;
    }
    pos += elementCount;
    form = FORM_TWO_BYTE;
    writeProfile();
  }

  /** Ends the extension block, if any, padding it to 32 bits and writing its length. */
  private void closeHeader() {
    started();
    if (step == Step.PADDED) {
      throw new IllegalStateException("nothing follows the padding");
    }
    if (step == Step.EXTENSIONS) {
      int dataLength = pos - blockStart - 4;
      int padded = (dataLength + 3) & ~3;
      ensure(padded - dataLength);
      Arrays.fill(buf, pos, pos + padded - dataLength, (byte) 0);
      pos += padded - dataLength;
      if (padded / 4 > 0xFFFF) {
        throw new IllegalStateException("header extension longer than 65535 words");
      }
      buf[blockStart + 2] = (byte) (padded / 4 >>> 8);
      buf[blockStart + 3] = (byte) (padded / 4);
    }
    step = Step.PAYLOAD;
  }

  private void started() {
    if (step == Step.IDLE) {
      throw new IllegalStateException("no packet: call start first");
    }
  }

  private void ensure(int n) {
    if (n > limit - pos) {
      throw new IllegalStateException(
          "packet exceeds its region: needs " + n + " more bytes, " + (limit - pos) + " left");
    }
  }

  static void checkPayloadType(int payloadType) {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type " + payloadType + " outside 0-127");
    }
  }

  static void checkU16(String what, int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException(what + " " + value + " outside 0-65535");
    }
  }

  static void checkU32(String what, long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(what + " " + value + " outside 0-4294967295");
    }
  }
}
