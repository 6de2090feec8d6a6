package org.rtc4j.benchmarks.sctp;

import java.util.function.Consumer;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.sctp.SctpAssociation;
import org.rtc4j.sctp.SctpConfig;
import org.rtc4j.sctp.SctpEvent;
import org.rtc4j.sctp.SctpState;

/**
 * Two associations joined in memory, in one thread: every packet one side's {@code pollWrite}
 * returns goes straight into the other's {@code handleRead}, with no loss, no reordering and no
 * delay. The clock is virtual: it stands still while packets flow, and when neither side has
 * anything to send it jumps to the earlier of the two {@code pollTimeout}s, whose timers then fire
 * (a delayed SACK, typically).
 *
 * <p>The {@link #sender} sends and the {@link #receiver} receives.
 */
final class InMemorySctpPair {
  /**
   * The handshake is four packets (INIT, INIT ACK, COOKIE ECHO, COOKIE ACK) each way at most; far
   * more rounds than that means the associations are stuck.
   */
  private static final int MAX_HANDSHAKE_ROUNDS = 32;

  final SctpAssociation sender;
  final SctpAssociation receiver;
  private long now;
  private long packetsToReceiver;
  private long packetsToSender;
  private long bytesToReceiver;
  private long timerJumps;

  private InMemorySctpPair(SctpAssociation sender, SctpAssociation receiver) {
    this.sender = sender;
    this.receiver = receiver;
  }

  /**
   * Makes two associations with {@code config}, connects them (both call {@code connect}, as WebRTC
   * peers do) and drops their {@link SctpEvent.Connected} events.
   *
   * @param seed where both sides' tags, initial TSNs and keys come from
   * @throws IllegalStateException if they do not connect
   */
  static InMemorySctpPair connect(SctpConfig config, long seed) {
    InMemorySctpPair pair =
        new InMemorySctpPair(
            new SctpAssociation(config, RandomSource.seeded(seed)),
            new SctpAssociation(config, RandomSource.seeded(~seed)));
    pair.sender.connect(pair.now);
    pair.receiver.connect(pair.now);
    for (int round = 0; round < MAX_HANDSHAKE_ROUNDS && !pair.established(); round++) {
      if (!pair.exchange(m -> {})) {
        pair.advanceToNextTimer();
      }
    }
    if (!pair.established()) {
      throw new IllegalStateException(
          "the associations did not connect: " + pair.sender + ", " + pair.receiver);
    }
    while (pair.sender.pollEvent() != null || pair.receiver.pollEvent() != null) {
      // The Connected events: not part of what is measured.
    }
    return pair;
  }

  private boolean established() {
    return sender.state() == SctpState.ESTABLISHED && receiver.state() == SctpState.ESTABLISHED;
  }

  /**
   * Runs both sides until neither has anything to send: each packet the sender writes goes to the
   * receiver, whose answers (SACKs) go back to the sender before the sender writes its next packet,
   * as an event loop that calls {@code pollWrite} after every {@code handleRead} does on a link
   * without delay. After every packet the receiver takes, its messages go to {@code sink}; the
   * sender's events (buffered-amount-low) are dropped.
   *
   * @return whether any packet moved
   */
  boolean exchange(Consumer<SctpEvent.MessageReceived> sink) {
    boolean moved = false;
    while (true) {
      byte[] p = sender.pollWrite();
      if (p == null) {
        moved |= answer();
        break;
      }
      receiver.handleRead(p, 0, p.length, now);
      packetsToReceiver++;
      bytesToReceiver += p.length;
      moved = true;
      for (SctpEvent e; (e = receiver.pollEvent()) != null; ) {
        if (e instanceof SctpEvent.MessageReceived m) {
          sink.accept(m);
        }
      }
      answer();
    }
    while (sender.pollEvent() != null) {
      // BufferedAmountLow whenever the send queue empties: nothing to do.
    }
    return moved;
  }

  /** Hands what the receiver has to send to the sender; returns whether there was any. */
  private boolean answer() {
    boolean any = false;
    for (byte[] p; (p = receiver.pollWrite()) != null; ) {
      sender.handleRead(p, 0, p.length, now);
      packetsToSender++;
      any = true;
    }
    return any;
  }

  /**
   * Moves the clock to the earlier of the two sides' timers and fires that side's due timers. When
   * both are due at once, only the receiver's fire: on a link without delay its delayed SACK
   * reaches the sender at the very instant the sender's retransmission timer would expire, and here
   * the SACK wins the tie (the caller exchanges packets before the next call).
   *
   * @throws IllegalStateException if neither side has a timer: nothing could ever move again
   */
  void advanceToNextTimer() {
    long next = Math.min(sender.pollTimeout(), receiver.pollTimeout());
    if (next == Time.NEVER) {
      throw new IllegalStateException(
          "stuck: nothing to send and no timer, " + sender + ", " + receiver);
    }
    now = Math.max(now, next);
    timerJumps++;
    if (Time.isDue(receiver.pollTimeout(), now)) {
      receiver.handleTimeout(now);
    } else {
      sender.handleTimeout(now);
    }
  }

  /** The virtual clock, in nanoseconds. */
  long now() {
    return now;
  }

  /** Packets from the sender to the receiver so far, the handshake included. */
  long packetsToReceiver() {
    return packetsToReceiver;
  }

  /** Packets from the receiver to the sender so far (mostly SACKs). */
  long packetsToSender() {
    return packetsToSender;
  }

  /** Bytes of the packets from the sender to the receiver so far. */
  long bytesToReceiver() {
    return bytesToReceiver;
  }

  /** How often the clock had to jump to a timer because nothing moved. */
  long timerJumps() {
    return timerJumps;
  }
}
