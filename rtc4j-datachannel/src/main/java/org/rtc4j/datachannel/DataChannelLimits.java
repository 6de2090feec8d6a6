package org.rtc4j.datachannel;

/**
 * What the data channels of one association may hold, so that a peer cannot make them allocate
 * without bound.
 *
 * @param maxChannels channels at once, ours and the peer's, open, opening or closing: 1–65535. A
 *     DATA_CHANNEL_OPEN beyond it is refused by resetting its stream (RFC 8832 §6), and {@link
 *     DataChannels#createDataChannel} throws {@link DataChannelException}.
 * @param maxQueuedEvents events waiting to be polled, at least 1. A message arriving when the queue
 *     is this long closes its channel with an error (as a browser does when it cannot buffer what
 *     arrives), and an incoming DATA_CHANNEL_OPEN is refused. Events about channels changing state
 *     are always queued; there are at most a few per channel.
 * @param maxQueuedMessageBytes the bytes of received messages waiting to be polled, at least 1. A
 *     message that would take them past it closes its channel with an error, unless no message is
 *     queued (so that any one message can be delivered).
 */
public record DataChannelLimits(int maxChannels, int maxQueuedEvents, long maxQueuedMessageBytes) {
  /** 65535 channels, 65536 queued events, 16 MiB of queued messages (what libwebrtc buffers). */
  public static final DataChannelLimits DEFAULT =
      new DataChannelLimits(DataChannels.MAX_CHANNELS, 65_536, 16L << 20);

  /**
   * @throws IllegalArgumentException if a limit is out of range
   */
  public DataChannelLimits {
    if (maxChannels < 1 || maxChannels > DataChannels.MAX_CHANNELS) {
      throw new IllegalArgumentException("maxChannels is 1.." + DataChannels.MAX_CHANNELS);
    }
    if (maxQueuedEvents < 1) {
      throw new IllegalArgumentException("maxQueuedEvents is at least 1: " + maxQueuedEvents);
    }
    if (maxQueuedMessageBytes < 1) {
      throw new IllegalArgumentException(
          "maxQueuedMessageBytes is at least 1: " + maxQueuedMessageBytes);
    }
  }
}
