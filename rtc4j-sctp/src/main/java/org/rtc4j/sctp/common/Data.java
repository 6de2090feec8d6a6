package org.rtc4j.sctp.common;

import java.util.Objects;

/**
 * One fragment of a user message as DATA (RFC 9260 §3.3.1) and I-DATA (RFC 8260 §2.1) chunks carry
 * it, without the TSN: the shared vocabulary of the packet layer, the receive side (rx) and the
 * send side (tx).
 *
 * <p>DATA orders a stream's messages by {@code ssn} and fragments by TSN; I-DATA by {@code mid} and
 * {@code fsn}. A field the chunk type does not have is 0. All are raw wire values: {@code streamId}
 * and {@code ssn} 16 bits (0–65535), {@code mid}, {@code fsn} and {@code ppid} 32 bits (Java's
 * {@code int}, compare as unsigned). In I-DATA only the first fragment carries the PPID (its place
 * holds the FSN in later fragments, where {@code ppid} is 0 here).
 *
 * @param streamId the stream, 0–65535
 * @param ssn the stream sequence number (DATA), 0–65535
 * @param mid the message identifier (I-DATA)
 * @param fsn the fragment sequence number (I-DATA)
 * @param ppid the payload protocol identifier
 * @param payload the fragment's user data, not empty; not copied, so not to be changed
 * @param beginning the B bit: the message's first fragment
 * @param end the E bit: the message's last fragment
 * @param unordered the U bit: delivered without regard to the stream's order
 */
public record Data(
    int streamId,
    int ssn,
    int mid,
    int fsn,
    int ppid,
    byte[] payload,
    boolean beginning,
    boolean end,
    boolean unordered) {
  /**
   * @throws IllegalArgumentException if a 16-bit field is out of range
   */
  public Data {
    Objects.requireNonNull(payload, "payload");
    if ((streamId & ~0xFFFF) != 0 || (ssn & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("stream " + streamId + " or SSN " + ssn + " not 16 bits");
    }
  }

  /** The payload's length in bytes. */
  public int length() {
    return payload.length;
  }

  @Override
  public String toString() {
    return "Data[stream="
        + streamId
        + ", ssn="
        + ssn
        + ", mid="
        + Integer.toUnsignedString(mid)
        + ", fsn="
        + Integer.toUnsignedString(fsn)
        + ", ppid="
        + ppid
        + ", "
        + payload.length
        + " B"
        + (beginning ? ", B" : "")
        + (end ? ", E" : "")
        + (unordered ? ", U" : "")
        + "]";
  }
}
