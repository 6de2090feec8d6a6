package org.rtc4j.testkit;

/** Why the {@link VirtualNetwork} dropped a packet. */
public enum DropReason {
  /** The link lost it: random loss, or a link that is {@link LinkConfig#down() down}. */
  LOSS,
  /** Its payload was larger than the link's {@link LinkConfig#mtu() MTU}. */
  MTU,
  /** It would have waited longer than {@link LinkConfig#maxQueueDelayNanos()} for the link. */
  QUEUE_FULL,
  /** No host owns its destination address, and no gateway leads anywhere else. */
  NO_ROUTE
}
