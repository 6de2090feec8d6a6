package org.rtc4j.examples;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.function.LongConsumer;
import org.rtc4j.datachannel.DataChannel;
import org.rtc4j.datachannel.DataChannelState;
import org.rtc4j.datachannel.SendRefusedException;
import org.rtc4j.sctp.SendStatus;

/**
 * The echoes of one data channel: each message goes back at once, or, while the association's send
 * buffer is full, waits here in order until {@link #flush} runs on the channel's
 * buffered-amount-low event. At most {@code maxBytes} wait. Used on the loop thread only.
 */
final class EchoQueue {
  private final long maxBytes;
  private final LongConsumer echoed;
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  private long pendingBytes;

  /**
   * @param maxBytes the most bytes that may wait
   * @param echoed told the size of every message sent back
   */
  EchoQueue(long maxBytes, LongConsumer echoed) {
    this.maxBytes = maxBytes;
    this.echoed = echoed;
  }

  /**
   * Sends {@code message} (a String or a byte[]) back on {@code channel}, or queues it behind those
   * waiting. Nothing happens on a channel that is not open.
   *
   * @return false if it would make more than {@code maxBytes} wait: it was not taken, and the
   *     caller decides what to do with a peer that sends faster than it reads
   */
  boolean echo(DataChannel channel, Object message) {
    if (channel.readyState() != DataChannelState.OPEN) {
      return true;
    }
    if (pending.isEmpty() && send(channel, message)) {
      return true;
    }
    long size = size(message);
    if (pendingBytes + size > maxBytes) {
      return false;
    }
    pending.add(message);
    pendingBytes += size;
    return true;
  }

  /** Sends what waits, in order, until the buffer is full again. */
  void flush(DataChannel channel) {
    while (!pending.isEmpty() && channel.readyState() == DataChannelState.OPEN) {
      Object next = pending.peek();
      if (!send(channel, next)) {
        return;
      }
      pending.poll();
      pendingBytes -= size(next);
    }
  }

  /** Forgets what waits: the channel closed. */
  void clear() {
    pending.clear();
    pendingBytes = 0;
  }

  /** Sends, or says false if the buffer is full. */
  private boolean send(DataChannel channel, Object message) {
    try {
      if (message instanceof String text) {
        channel.send(text);
      } else {
        channel.send((byte[]) message);
      }
    } catch (SendRefusedException e) {
      if (e.status() == SendStatus.BUFFER_FULL) {
        return false;
      }
      throw e;
    }
    echoed.accept(size(message));
    return true;
  }

  /** A message's size in bytes: UTF-8 for text. */
  static long size(Object message) {
    return message instanceof String text
        ? text.getBytes(StandardCharsets.UTF_8).length
        : ((byte[]) message).length;
  }
}
