package org.rtc4j.testkit;

import java.net.InetSocketAddress;

/**
 * One thing that happened to a packet in the {@link VirtualNetwork}. Two runs with the same seed
 * and the same endpoints give equal lists of these.
 *
 * @param timeNanos when it happened, on the network's virtual clock
 * @param kind what happened
 * @param from the packet's source address
 * @param to the packet's destination address
 * @param length the payload's length in bytes
 * @param contentHash {@link java.util.Arrays#hashCode(byte[])} of the payload: cheap to compare,
 *     not a cryptographic digest
 */
public record TraceEvent(
    long timeNanos,
    Kind kind,
    InetSocketAddress from,
    InetSocketAddress to,
    int length,
    int contentHash) {

  /** What happened to the packet. */
  public enum Kind {
    /** A host handed it to a link. */
    SEND,
    /** The link handed it to the receiving host. */
    DELIVER,
    /** The link lost it (random loss, or the link is down). */
    DROP_LOSS,
    /** It was larger than the link's MTU. */
    DROP_MTU,
    /** The link's queue was full. */
    DROP_QUEUE,
    /** No host owns its destination. */
    DROP_NO_ROUTE,
    /** The link made a second copy of it; both are delivered. */
    DUPLICATE
  }
}
