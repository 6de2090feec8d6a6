package org.rtc4j.rtp.codec;

import java.util.List;
import org.rtc4j.common.ParseException;

/**
 * Turns the RTP payloads of one frame back into the codec's data, and reads from a single payload
 * what a jitter buffer needs to find frames: whether it can start a frame, whether it ends one and
 * whether its frame is a keyframe.
 *
 * <p>Payloads come from the network: every method throws only {@link ParseException} for a
 * malformed payload, whatever its bytes. A depacketizer keeps no state between calls, so one
 * instance serves any number of streams.
 */
public interface Depacketizer {

  /**
   * The codec data of one whole frame: the payloads of all its packets, in sequence-number order,
   * none missing. Each codec's description says what the data looks like.
   *
   * @param payloads each payload exactly (without RTP header or padding); not modified or kept
   * @throws ParseException if a payload is malformed or the payloads do not make a whole frame (a
   *     fragment without its start or its end, for example)
   */
  byte[] depacketize(List<byte[]> payloads) throws ParseException;

  /**
   * Whether the payload in {@code payload[offset, offset + length)} can be the first of a frame:
   * the first payload of every frame answers {@code true}. For most codecs only the first does; a
   * codec whose payloads start at boundaries within a frame without marking the frame's start (a
   * NAL unit in H.264 and H.265, an OBU in AV1) answers {@code true} for each payload that starts
   * at one.
   *
   * @throws ParseException if the payload is malformed
   */
  boolean isFrameStart(byte[] payload, int offset, int length) throws ParseException;

  /**
   * Whether the payload ends a frame, given its packet's marker bit. Video formats end a frame with
   * the marker, which is what this answers unless a codec says otherwise; for audio every payload
   * is a whole frame.
   *
   * @throws ParseException if the payload is malformed
   */
  default boolean isFrameEnd(byte[] payload, int offset, int length, boolean marker)
      throws ParseException {
    return marker;
  }

  /**
   * Whether the payload shows that its frame is a keyframe: one that decodes without any earlier
   * frame. A frame is a keyframe if any of its payloads says so; for most codecs the first payload
   * tells. Every audio frame counts as a keyframe.
   *
   * @throws ParseException if the payload is malformed
   */
  boolean isKeyframe(byte[] payload, int offset, int length) throws ParseException;
}
