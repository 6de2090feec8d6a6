package org.rtc4j.sctp.packet;

/**
 * One stream entry of a FORWARD-TSN (RFC 3758 §3.2) or I-FORWARD-TSN (RFC 8260 §2.3.1) chunk: the
 * receiver is to give up on the stream's messages up to and including this one.
 *
 * @param streamId the stream, 0–65535
 * @param unordered I-FORWARD-TSN's U flag: the entry is about unordered messages (always false in
 *     FORWARD-TSN, whose entries are ordered)
 * @param sequence FORWARD-TSN's stream sequence number (16 bits) or I-FORWARD-TSN's message
 *     identifier (32 bits, raw)
 */
public record SkippedStream(int streamId, boolean unordered, int sequence) {
  /**
   * @throws IllegalArgumentException if the stream is not 16 bits
   */
  public SkippedStream {
    if ((streamId & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("stream " + streamId + " not 16 bits");
    }
  }
}
