package org.rtc4j.sctp.common;

/**
 * Turns wrapping sequence numbers, TSNs (32 bits) or SSNs (16 bits), into {@code long}s that only
 * grow, so that the receive and send sides compare and subtract them without serial-number
 * arithmetic (RFC 1982) anywhere else.
 *
 * <p>Each wrapped value is taken to be the one nearest to the value unwrapped last: at most half
 * the number space ahead of it, or half behind. That holds for SCTP, where TSNs in flight span far
 * less than 2^31 and SSNs in reassembly far less than 2^15. Not thread-safe.
 */
public final class Unwrapper {
  private final int bits;
  private final long modulus;
  private long last;
  private boolean started;

  private Unwrapper(int bits) {
    this.bits = bits;
    this.modulus = 1L << bits;
  }

  /** For TSNs and I-DATA's MIDs and FSNs: 32 bits. */
  public static Unwrapper of32Bits() {
    return new Unwrapper(32);
  }

  /** For DATA's stream sequence numbers: 16 bits. */
  public static Unwrapper of16Bits() {
    return new Unwrapper(16);
  }

  /** The unwrapped value of {@code wrapped}, which becomes the reference for the next one. */
  public long unwrap(int wrapped) {
    long value = peek(wrapped);
    last = value;
    started = true;
    return value;
  }

  /** The unwrapped value of {@code wrapped}, without moving the reference. */
  public long peek(int wrapped) {
    long w = wrapped & (modulus - 1);
    if (!started) {
      return w;
    }
    long delta = (w - last) & (modulus - 1);
    if (delta >= modulus >>> 1) {
      delta -= modulus;
    }
    return last + delta;
  }

  /** The wire value of an unwrapped one: its low 16 or 32 bits. */
  public int wrap(long unwrapped) {
    return (int) (unwrapped & (modulus - 1));
  }

  /** Forgets the reference: the next value unwrapped is taken as is (after a stream reset). */
  public void reset() {
    started = false;
    last = 0;
  }

  @Override
  public String toString() {
    return "Unwrapper[" + bits + " bits, last=" + (started ? last : "none") + "]";
  }
}
