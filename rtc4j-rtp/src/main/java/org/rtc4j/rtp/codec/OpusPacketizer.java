package org.rtc4j.rtp.codec;

import java.util.List;

/**
 * Opus (RFC 7587): one Opus packet, as the encoder made it, is the whole payload of one RTP packet
 * (RFC 7587 §4.2). Nothing is added and nothing is split.
 */
public final class OpusPacketizer implements Packetizer {

  /** A packetizer; it keeps no state. */
  public OpusPacketizer() {}

  /**
   * The Opus packet as the one payload.
   *
   * @throws IllegalArgumentException if {@code frame} is empty (RFC 6716 §3.4: an Opus packet has
   *     at least its TOC byte) or longer than {@code maxPayloadSize}: Opus packets are never split
   */
  @Override
  public List<byte[]> packetize(byte[] frame, int maxPayloadSize) {
    if (frame.length == 0) {
      throw new IllegalArgumentException("an Opus packet has at least one byte");
    }
    if (frame.length > maxPayloadSize) {
      throw new IllegalArgumentException(
          "Opus packet of " + frame.length + " bytes exceeds the payload size " + maxPayloadSize);
    }
    return List.of(frame.clone());
  }
}
