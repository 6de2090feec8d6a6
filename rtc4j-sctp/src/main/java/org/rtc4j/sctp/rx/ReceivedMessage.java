package org.rtc4j.sctp.rx;

import java.util.Objects;

/**
 * A whole user message, reassembled from its fragments and ready for the upper layer.
 *
 * @param streamId the stream it arrived on, 0–65535
 * @param ppid its payload protocol identifier (raw 32 bits), from its first fragment
 * @param payload its bytes, not copied again, so not to be changed
 * @param unordered whether it was sent unordered (the U bit)
 */
public record ReceivedMessage(int streamId, int ppid, byte[] payload, boolean unordered) {
  /**
   * @throws IllegalArgumentException if the stream is not 16 bits
   */
  public ReceivedMessage {
    Objects.requireNonNull(payload, "payload");
    if ((streamId & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("stream " + streamId + " not 16 bits");
    }
  }

  @Override
  public String toString() {
    return "ReceivedMessage[stream="
        + streamId
        + ", ppid="
        + Integer.toUnsignedString(ppid)
        + ", "
        + payload.length
        + " B"
        + (unordered ? ", U" : "")
        + "]";
  }
}
