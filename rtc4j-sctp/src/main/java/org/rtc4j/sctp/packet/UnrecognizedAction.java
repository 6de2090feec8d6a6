package org.rtc4j.sctp.packet;

/**
 * What a receiver does with a chunk or parameter whose type it does not recognise, as the two
 * highest-order bits of the type say (RFC 9260 §3.2 for chunks, §3.2.1 for parameters).
 */
public enum UnrecognizedAction {
  /**
   * {@code 00}: stop processing; discard the chunk and the rest of the packet (a parameter: it and
   * the rest of the chunk's parameters).
   */
  STOP,
  /**
   * {@code 01}: as {@link #STOP}, and report it: an Unrecognized Chunk Type error cause in an ERROR
   * chunk, or an Unrecognized Parameter.
   */
  STOP_AND_REPORT,
  /** {@code 10}: skip it and carry on with what follows. */
  SKIP,
  /** {@code 11}: as {@link #SKIP}, and report it. */
  SKIP_AND_REPORT;

  /**
   * The action the two highest bits give.
   *
   * @param highBits the type's two highest-order bits, as 0–3
   */
  static UnrecognizedAction of(int highBits) {
    return switch (highBits & 3) {
      case 0 -> STOP;
      case 1 -> STOP_AND_REPORT;
      case 2 -> SKIP;
      default -> SKIP_AND_REPORT;
    };
  }

  /** The action for an unrecognised chunk type (8 bits). */
  public static UnrecognizedAction ofChunkType(int type) {
    return of((type >>> 6) & 3);
  }

  /** The action for an unrecognised parameter type (16 bits). */
  public static UnrecognizedAction ofParameterType(int type) {
    return of((type >>> 14) & 3);
  }

  /** Whether processing carries on after the unrecognised item (else the rest is discarded). */
  public boolean skips() {
    return this == SKIP || this == SKIP_AND_REPORT;
  }

  /** Whether the unrecognised item is to be reported to the peer. */
  public boolean reports() {
    return this == STOP_AND_REPORT || this == SKIP_AND_REPORT;
  }
}
