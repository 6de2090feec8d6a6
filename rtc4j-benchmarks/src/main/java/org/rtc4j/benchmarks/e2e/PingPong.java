package org.rtc4j.benchmarks.e2e;

import java.util.concurrent.CompletableFuture;
import org.rtc4j.datachannel.DataChannel;
import org.rtc4j.datachannel.DataChannelEvent;

/**
 * Round trips on a channel whose peer echoes every message, one outstanding at a time: sends a
 * message, waits for it to come back, notes the time it took, sends the next. The first {@code
 * warmUp} round trips are not noted. Loop thread only.
 */
final class PingPong {
  private final DataChannel channel;
  private final byte[] message;
  private final int warmUp;
  private final long[] roundTrips;
  private final CompletableFuture<long[]> done = new CompletableFuture<>();
  private int sent;
  private long sentAt;

  /**
   * @param channel an open channel the peer echoes on
   * @param size the size of every message, at least 1
   * @param warmUp round trips before those noted
   * @param count round trips noted, at least 1
   */
  PingPong(DataChannel channel, int size, int warmUp, int count) {
    if (size < 1 || warmUp < 0 || count < 1) {
      throw new IllegalArgumentException("size " + size + ", warm-up " + warmUp + ", " + count);
    }
    this.channel = channel;
    this.message = new byte[size];
    this.warmUp = warmUp;
    this.roundTrips = new long[count];
  }

  /** Sends the first message; the future completes with the noted round trips, in nanoseconds. */
  CompletableFuture<long[]> start() {
    send();
    return done;
  }

  /** Gets every event of the channel. */
  void handle(DataChannelEvent event) {
    if (!(event instanceof DataChannelEvent.BinaryMessage m) || done.isDone()) {
      return;
    }
    long now = System.nanoTime();
    if (m.data().length != message.length) {
      done.completeExceptionally(
          new IllegalStateException("an echo of " + m.data().length + " bytes"));
      return;
    }
    int index = sent - 1 - warmUp;
    if (index >= 0) {
      roundTrips[index] = now - sentAt;
    }
    if (index == roundTrips.length - 1) {
      done.complete(roundTrips);
    } else {
      send();
    }
  }

  private void send() {
    sent++;
    sentAt = System.nanoTime();
    channel.send(message);
  }
}
