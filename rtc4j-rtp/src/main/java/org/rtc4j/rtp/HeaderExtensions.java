package org.rtc4j.rtp;

import org.rtc4j.common.ParseException;

/**
 * A cursor over the extension elements of one RTP packet's header extension (RFC 8285), in either
 * form: one-byte headers (profile {@code 0xBEDE}) or two-byte headers (profile {@code 0x100X}). It
 * allocates nothing: {@link RtpPacket} owns one and hands it out from {@link
 * RtpPacket#extensions()}, rewound to the first element.
 *
 * <pre>{@code
 * HeaderExtensions ext = packet.extensions();
 * while (ext.next()) {
 *   handle(ext.id(), packet.array(), ext.offset(), ext.length());
 * }
 * }</pre>
 *
 * <p>{@link RtpPacket#wrap} has already checked every element against the block's bounds, so
 * iteration cannot fail. A block with another profile (RFC 3550 §5.3.1) has no elements here; its
 * bytes are in {@link RtpPacket#extensionOffset()} and {@link RtpPacket#extensionLength()}.
 */
public final class HeaderExtensions {
  /** RFC 8285 §4.2: the profile of a block of one-byte headers. */
  public static final int ONE_BYTE_PROFILE = 0xBEDE;

  /** RFC 8285 §4.3: the profile of a block of two-byte headers, less its four "appbits". */
  public static final int TWO_BYTE_PROFILE = 0x1000;

  /** RFC 8285 §4.2: the one-byte form's ids are 1 to 14; 15 ends the block. */
  public static final int ONE_BYTE_MAX_ID = 14;

  /** RFC 8285 §4.2: a one-byte element carries 1 to 16 bytes. */
  public static final int ONE_BYTE_MAX_LENGTH = 16;

  /** RFC 8285 §4.3: a two-byte element carries 0 to 255 bytes, with an id of 1 to 255. */
  public static final int TWO_BYTE_MAX_LENGTH = 255;

  /** RFC 8285 §4.2: id 15 in a one-byte header stops the parsing of the block. */
  private static final int ONE_BYTE_STOP_ID = 15;

  private static final int NONE = 0;
  private static final int ONE_BYTE = 1;
  private static final int TWO_BYTE = 2;

  private byte[] data;
  private int start;
  private int end;
  private int form;
  private int pos;
  private int id;
  private int offset;
  private int length;

  HeaderExtensions() {}

  /**
   * Points the cursor at a block's elements, {@code data[start, end)}, and checks them all.
   *
   * @return the number of elements
   */
  int reset(byte[] data, int start, int end, int profile, int packetOffset) throws ParseException {
    this.data = data;
    this.start = start;
    this.end = end;
    if (profile == ONE_BYTE_PROFILE) {
      form = ONE_BYTE;
    } else if ((profile & 0xFFF0) == TWO_BYTE_PROFILE) {
      form = TWO_BYTE;
    } else {
      form = NONE;
    }
    int count = 0;
    rewind();
    while (true) {
      int result = step();
      if (result == 0) {
        break;
      }
      if (result < 0) {
        throw new ParseException("header extension element overruns its block", pos - packetOffset);
      }
      count++;
    }
    rewind();
    return count;
  }

  /** Forgets the block: {@link #next()} then finds nothing. */
  void clear() {
    data = null;
    form = NONE;
    start = end = pos = 0;
    id = offset = length = 0;
  }

  /** Moves back to before the first element. */
  public HeaderExtensions rewind() {
    pos = start;
    id = 0;
    offset = 0;
    length = 0;
    return this;
  }

  /**
   * Moves to the next element.
   *
   * @return false when there are no more
   */
  public boolean next() {
    return step() > 0;
  }

  /**
   * Rewinds, then moves to the first element with {@code id}.
   *
   * @return false if the block has none (the cursor is then past the last element)
   */
  public boolean find(int id) {
    rewind();
    while (step() > 0) {
      if (this.id == id) {
        return true;
      }
    }
    return false;
  }

  /** The current element's id: 1 to 14 in the one-byte form, 1 to 255 in the two-byte form. */
  public int id() {
    return id;
  }

  /** Where the current element's data starts in the packet's array. */
  public int offset() {
    return offset;
  }

  /** The current element's data length. */
  public int length() {
    return length;
  }

  /** Whether the block uses two-byte element headers (RFC 8285 §4.3). */
  public boolean isTwoByte() {
    return form == TWO_BYTE;
  }

  /**
   * Reads one element: 1 and the element in the fields, 0 at the end of the block, -1 if the
   * element overruns the block (the fields are then left as they were).
   */
  private int step() {
    if (form == ONE_BYTE) {
      while (pos < end) {
        int b = data[pos] & 0xFF;
        int elementId = b >>> 4;
        if (elementId == 0) {
          pos++; // RFC 8285 §4.2: a padding byte
          continue;
        }
        if (elementId == ONE_BYTE_STOP_ID) {
          pos = end; // RFC 8285 §4.2: stop; only the elements before count
          return 0;
        }
        int elementLength = (b & 0x0F) + 1;
        if (elementLength > end - pos - 1) {
          return -1;
        }
        id = elementId;
        offset = pos + 1;
        length = elementLength;
        pos = offset + elementLength;
        return 1;
      }
      return 0;
    }
    if (form == TWO_BYTE) {
      while (pos < end) {
        int elementId = data[pos] & 0xFF;
        if (elementId == 0) {
          pos++; // RFC 8285 §4.3: a padding byte
          continue;
        }
        if (end - pos < 2) {
          return -1;
        }
        int elementLength = data[pos + 1] & 0xFF;
        if (elementLength > end - pos - 2) {
          return -1;
        }
        id = elementId;
        offset = pos + 2;
        length = elementLength;
        pos = offset + elementLength;
        return 1;
      }
      return 0;
    }
    return 0;
  }
}
