package org.rtc4j.sctp.rx;

import java.util.TreeMap;
import org.rtc4j.sctp.common.Unwrapper;

/**
 * The receive state of one inbound stream: the next ordered message it expects (by SSN for DATA, by
 * MID for I-DATA), the ordered messages held until their turn, whole or in part, and, for I-DATA,
 * the unordered messages in reassembly (whose MIDs are a sequence of their own, RFC 8260 §2.1).
 */
final class InboundStream {
  /** Unwraps SSNs or ordered MIDs; its reference is kept at the next expected one. */
  private final Unwrapper orderedNumbers;

  private long next;

  /** Ordered messages at or after {@link #next()}, by unwrapped SSN or MID. */
  final TreeMap<Long, PartialMessage> ordered = new TreeMap<>();

  /** I-DATA's unordered MIDs, which have no expected next one. */
  private final Unwrapper unorderedMids = Unwrapper.of32Bits();

  /** I-DATA: unordered messages in reassembly, by unwrapped MID. */
  final TreeMap<Long, PartialMessage> unordered = new TreeMap<>();

  InboundStream(boolean interleaved) {
    orderedNumbers = interleaved ? Unwrapper.of32Bits() : Unwrapper.of16Bits();
    orderedNumbers.unwrap(0);
  }

  /** The next ordered SSN or MID to deliver, unwrapped. */
  long next() {
    return next;
  }

  /** An ordered SSN or MID from the wire, unwrapped near the next expected one. */
  long unwrapOrdered(int wire) {
    return orderedNumbers.peek(wire);
  }

  void advanceTo(long nextExpected) {
    next = nextExpected;
    orderedNumbers.unwrap(orderedNumbers.wrap(nextExpected));
  }

  /** An unordered MID from the wire, unwrapped near the last one seen. */
  long unwrapUnordered(int mid) {
    return unorderedMids.unwrap(mid);
  }

  boolean isEmpty() {
    return ordered.isEmpty() && unordered.isEmpty();
  }
}
