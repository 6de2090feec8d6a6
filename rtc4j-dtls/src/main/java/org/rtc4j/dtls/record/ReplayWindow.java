package org.rtc4j.dtls.record;

/**
 * The anti-replay window of RFC 6347 §4.1.2.6 (after RFC 4303 §3.4.3): the highest sequence number
 * accepted so far and a bitmap of the 64 before it. A number is checked before decryption and
 * marked only after the record authenticated, so forged records cannot move the window.
 */
public final class ReplayWindow {
  /** How many sequence numbers below the highest the window remembers. */
  public static final int SIZE = 64;

  private long highest = -1;
  private long seen;

  /** Whether a record with this sequence number may be new: not seen and not too old. */
  public boolean mayAccept(long sequence) {
    if (sequence > highest) {
      return true;
    }
    long behind = highest - sequence;
    return behind < SIZE && (seen & (1L << behind)) == 0;
  }

  /** Marks a sequence number as received; call it only for authenticated records. */
  public void accept(long sequence) {
    if (sequence > highest) {
      long shift = highest < 0 ? SIZE : sequence - highest;
      seen = shift >= SIZE ? 0 : seen << shift;
      seen |= 1;
      highest = sequence;
    } else {
      long behind = highest - sequence;
      if (behind < SIZE) {
        seen |= 1L << behind;
      }
    }
  }

  /** The highest sequence number accepted, or -1 before the first. */
  public long highest() {
    return highest;
  }
}
