package org.rtc4j.dtls.handshake;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts the peer's handshake messages back together (RFC 6347 §4.2.2-§4.2.3): fragments may arrive
 * in any order, overlap, repeat, or belong to messages ahead of the next one due. Messages come out
 * whole and in message_seq order. Memory is bounded: only a few messages ahead are kept, each no
 * longer than a set maximum.
 */
public final class HandshakeReassembler {

  /** A whole handshake message. */
  public record Message(int type, int messageSeq, byte[] body, int epoch) {}

  /** What became of a fragment. */
  public enum Result {
    /** Kept (it may or may not have completed a message). */
    ACCEPTED,
    /** Part of a message already delivered: the peer is retransmitting. */
    DUPLICATE,
    /** Too far ahead of the next message due. */
    OUT_OF_WINDOW,
    /** Disagrees with earlier fragments of the same message, or is too long. */
    INCONSISTENT
  }

  private static final class Partial {
    final int type;
    final int epoch;
    final byte[] body;
    final BitSet received;
    int count;

    Partial(int type, int length, int epoch) {
      this.type = type;
      this.epoch = epoch;
      this.body = new byte[length];
      this.received = new BitSet(length);
    }

    boolean complete() {
      return count == body.length;
    }
  }

  private final int maxMessageLength;
  private final int window;
  private final Map<Integer, Partial> partials = new HashMap<>();
  private int nextSeq;

  /**
   * @param maxMessageLength the longest message accepted, in bytes
   * @param window how many messages ahead of the next due are kept
   */
  public HandshakeReassembler(int maxMessageLength, int window) {
    this.maxMessageLength = maxMessageLength;
    this.window = window;
  }

  /** The message_seq of the next message to come out. */
  public int nextSeq() {
    return nextSeq;
  }

  /** Forgets everything and expects {@code seq} next (after a HelloVerifyRequest, say). */
  public void reset(int seq) {
    partials.clear();
    nextSeq = seq;
  }

  /** Takes a fragment that arrived in a record of {@code epoch}. */
  public Result add(HandshakeFragment fragment, int epoch) {
    int seq = fragment.messageSeq();
    if (seq < nextSeq) {
      return Result.DUPLICATE;
    }
    if (seq >= nextSeq + window) {
      return Result.OUT_OF_WINDOW;
    }
    if (fragment.length() > maxMessageLength) {
      return Result.INCONSISTENT;
    }
    Partial p = partials.get(seq);
    if (p == null) {
      p = new Partial(fragment.type(), fragment.length(), epoch);
      partials.put(seq, p);
    } else if (p.type != fragment.type()
        || p.body.length != fragment.length()
        || p.epoch != epoch) {
      return Result.INCONSISTENT;
    }
    int off = fragment.fragmentOffset();
    byte[] data = fragment.data();
    for (int i = 0; i < data.length; i++) {
      if (!p.received.get(off + i)) {
        p.received.set(off + i);
        p.body[off + i] = data[i];
        p.count++;
      }
    }
    return Result.ACCEPTED;
  }

  /** The next whole message in order, or {@code null} when it is not complete yet. */
  public Message poll() {
    Partial p = partials.get(nextSeq);
    if (p == null || !p.complete()) {
      return null;
    }
    partials.remove(nextSeq);
    return new Message(p.type, nextSeq++, p.body, p.epoch);
  }

  /** Whether any fragment of a message not yet delivered is held. */
  public boolean holdsPartial() {
    return !partials.isEmpty();
  }
}
