package org.rtc4j.benchmarks.e2e;

import org.rtc4j.datachannel.DataChannel;
import org.rtc4j.datachannel.DataChannelEvent;
import org.rtc4j.datachannel.SendRefusedException;

/**
 * Keeps a data channel's send buffer full, as a browser application would: sends messages of one
 * size while {@link DataChannel#bufferedAmount()} stays under a high-water mark, and sends again
 * when the buffered amount falls to half of it ({@link DataChannelEvent.BufferedAmountLow}), or
 * until the association's send buffer refuses a message. Loop thread only.
 */
final class Flood {
  private final DataChannel channel;
  private final byte[] message;
  private final long highWater;
  private boolean running;
  private long sentBytes;
  private long sentMessages;

  /**
   * @param channel an open channel
   * @param size the size of every message, at least 1
   * @param highWater the buffered amount it keeps under, at least {@code size}
   */
  Flood(DataChannel channel, int size, long highWater) {
    if (size < 1 || highWater < size) {
      throw new IllegalArgumentException("size " + size + ", high water " + highWater);
    }
    this.channel = channel;
    this.message = new byte[size];
    for (int i = 0; i < size; i++) {
      message[i] = (byte) i;
    }
    this.highWater = highWater;
  }

  /** Starts sending. */
  void start() {
    channel.setBufferedAmountLowThreshold(highWater / 2);
    running = true;
    fill();
  }

  /** Stops sending; what is buffered still goes out. */
  void stop() {
    running = false;
  }

  /** Bytes handed to {@link DataChannel#send(byte[])} so far. */
  long sentBytes() {
    return sentBytes;
  }

  /** Messages handed to {@link DataChannel#send(byte[])} so far. */
  long sentMessages() {
    return sentMessages;
  }

  /** Gets every event of the channel. */
  void handle(DataChannelEvent event) {
    if (event instanceof DataChannelEvent.BufferedAmountLow && running) {
      fill();
    }
  }

  private void fill() {
    // Each send raises the buffered amount by the message's size: at most highWater / size turns.
    long turns = highWater / message.length + 1;
    for (long i = 0; i < turns && channel.bufferedAmount() + message.length <= highWater; i++) {
      try {
        channel.send(message);
      } catch (SendRefusedException e) {
        // The association's send buffer also counts each message's bookkeeping: full before the
        // buffered amount reaches the high-water mark when messages are small.
        return;
      }
      sentBytes += message.length;
      sentMessages++;
    }
  }
}
