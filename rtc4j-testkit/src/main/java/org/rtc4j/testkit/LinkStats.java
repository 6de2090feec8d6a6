package org.rtc4j.testkit;

/**
 * A snapshot of the counters of one direction of a link, from {@link VirtualNetwork#linkStats}.
 *
 * @param sent packets handed to the link by the sending host (duplicates not included)
 * @param delivered packets handed to the receiving host, duplicates included
 * @param lost packets lost at random or because the link was down
 * @param mtuDropped packets dropped because they were larger than the MTU
 * @param queueDropped packets dropped because the link's queue was full
 * @param duplicated extra copies the link made
 * @param bytesDelivered payload bytes handed to the receiving host, duplicates included
 */
public record LinkStats(
    long sent,
    long delivered,
    long lost,
    long mtuDropped,
    long queueDropped,
    long duplicated,
    long bytesDelivered) {

  /** Packets on the link now: sent or duplicated, and neither delivered nor dropped yet. */
  public long inFlight() {
    return sent + duplicated - delivered - lost - mtuDropped - queueDropped;
  }
}
