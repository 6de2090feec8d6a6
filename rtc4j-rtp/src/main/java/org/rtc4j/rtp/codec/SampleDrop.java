package org.rtc4j.rtp.codec;

/** Why a {@link SampleBuilder} dropped a packet. */
public enum SampleDrop {
  /** It came after the frames around it were emitted or dropped (a duplicate of one, too). */
  LATE,
  /** A packet with its sequence number is already in the buffer. */
  DUPLICATE,
  /** The depacketizer refused its payload, or the frame it was in. */
  MALFORMED,
  /**
   * Its frame could not be completed: a packet before it went missing for longer than the buffer
   * holds, or its frame's start never came.
   */
  INCOMPLETE_FRAME
}
