package org.rtc4j.rtp.codec;

/**
 * One whole frame that a {@link SampleBuilder} put together: the codec data its depacketizer made
 * of the frame's payloads.
 *
 * @param timestamp the RTP timestamp of the frame's packets
 * @param firstSequenceNumber the sequence number of its first packet
 * @param packetCount how many packets it had
 * @param keyframe whether any of its payloads said it is a keyframe
 * @param data the codec data (not copied: the record hands out the array it was given)
 */
public record Sample(
    long timestamp, int firstSequenceNumber, int packetCount, boolean keyframe, byte[] data) {

  /** Validates the ranges. */
  public Sample {
    if (firstSequenceNumber < 0 || firstSequenceNumber > 0xFFFF || packetCount < 1) {
      throw new IllegalArgumentException(
          "bad sequence numbers: " + firstSequenceNumber + " and " + packetCount + " packets");
    }
  }

  /** The sequence number of its last packet. */
  public int lastSequenceNumber() {
    return (firstSequenceNumber + packetCount - 1) & 0xFFFF;
  }

  @Override
  public String toString() {
    return "Sample[timestamp="
        + timestamp
        + ", sequence numbers "
        + firstSequenceNumber
        + " to "
        + lastSequenceNumber()
        + (keyframe ? ", keyframe" : "")
        + ", "
        + data.length
        + " bytes]";
  }
}
