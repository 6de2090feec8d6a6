package org.rtc4j.rtp.rtcp;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A receiver reference time report block, RRTR (RFC 3611 §4.4): a receiver's NTP wallclock, so that
 * senders can answer with a {@link Dlrr} and the receiver learn its round-trip time without sending
 * SRs.
 *
 * @param ntpTimestamp the receiver's wallclock, 64-bit NTP format
 */
public record ReceiverReferenceTime(long ntpTimestamp) implements XrBlock {
  /** RFC 3611 §4.4: the block type. */
  public static final int BLOCK_TYPE = 4;

  /** The middle 32 bits of the timestamp: what a DLRR sub-block's LRR field echoes. */
  public long compactNtp() {
    return (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
  }

  /** Reads the block's content: the header has been read and said {@code words} words. */
  static ReceiverReferenceTime read(ByteReader in, int words) throws ParseException {
    if (words != 2) {
      throw new ParseException("RRTR block of " + words + " words, not 2", in.position() - 2);
    }
    return new ReceiverReferenceTime(in.i64());
  }

  @Override
  public int blockType() {
    return BLOCK_TYPE;
  }

  @Override
  public void write(ByteWriter out) {
    out.u8(BLOCK_TYPE).u8(0).u16(2).u64(ntpTimestamp);
  }
}
