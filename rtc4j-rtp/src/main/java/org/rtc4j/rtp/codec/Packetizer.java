package org.rtc4j.rtp.codec;

import java.util.List;

/**
 * Splits one encoded frame into RTP payloads, each small enough for one packet.
 *
 * <p>The payloads go into consecutive packets with the same timestamp, in list order. For video the
 * caller sets the RTP marker bit on the packet of the last payload (RFC 3550 §5.1 leaves the marker
 * to the profile; the video payload formats set it on the last packet of a frame). For audio every
 * payload is a frame of its own, and the marker means the first packet of a talkspurt (RFC 3551
 * §4.1), which only the caller knows.
 *
 * <p>A packetizer may keep state from frame to frame (a picture id, for example), so each RTP
 * stream has its own. The frame comes from the local encoder, not from the network: a frame that
 * cannot be packetized is the caller's bug and throws {@link IllegalArgumentException}. Not
 * thread-safe.
 */
public interface Packetizer {

  /**
   * The payloads of one frame, in order.
   *
   * @param frame the encoded frame, as the codec's description says; it is not modified or kept
   * @param maxPayloadSize the most bytes one payload may have (the MTU less the RTP header, its
   *     extensions and any SRTP tag)
   * @return one or more payloads, each at most {@code maxPayloadSize} bytes
   * @throws IllegalArgumentException if the frame is empty or malformed, or cannot be split into
   *     payloads that small
   */
  List<byte[]> packetize(byte[] frame, int maxPayloadSize);
}
