package org.rtc4j.rtp.rtcp;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A reception report block of a sender or receiver report (RFC 3550 §6.4.1): what the reporter
 * received from one source. 24 bytes on the wire.
 *
 * @param ssrc the source reported on
 * @param fractionLost the fraction lost since the last report, in 1/256 (0 to 255)
 * @param cumulativeLost packets lost since the start, a signed 24-bit number (duplicates can make
 *     it negative)
 * @param highestSequenceNumber the extended highest sequence number received (cycles in the high 16
 *     bits)
 * @param jitter the interarrival jitter, in timestamp units
 * @param lastSenderReport LSR: the middle 32 bits of the NTP timestamp of the last SR received from
 *     the source, 0 if none
 * @param delaySinceLastSenderReport DLSR: the delay since that SR, in 1/65536 seconds
 */
public record ReportBlock(
    long ssrc,
    int fractionLost,
    int cumulativeLost,
    long highestSequenceNumber,
    long jitter,
    long lastSenderReport,
    long delaySinceLastSenderReport) {
  /** The block's length on the wire. */
  public static final int LENGTH = 24;

  /** Checks every field's range. */
  public ReportBlock {
    Unsigned.u32("SSRC", ssrc);
    Unsigned.bits("fraction lost", fractionLost, 8);
    if (cumulativeLost < -(1 << 23) || cumulativeLost >= 1 << 23) {
      throw new IllegalArgumentException("cumulative lost " + cumulativeLost + " outside 24 bits");
    }
    Unsigned.u32("extended highest sequence number", highestSequenceNumber);
    Unsigned.u32("jitter", jitter);
    Unsigned.u32("LSR", lastSenderReport);
    Unsigned.u32("DLSR", delaySinceLastSenderReport);
  }

  static ReportBlock read(ByteReader in) throws ParseException {
    long ssrc = in.u32();
    int fraction = in.u8();
    int lost = in.u24();
    return new ReportBlock(
        ssrc, fraction, (lost << 8) >> 8, in.u32(), in.u32(), in.u32(), in.u32());
  }

  void write(ByteWriter out) {
    out.u32(ssrc)
        .u8(fractionLost)
        .u24(cumulativeLost)
        .u32(highestSequenceNumber)
        .u32(jitter)
        .u32(lastSenderReport)
        .u32(delaySinceLastSenderReport);
  }
}
