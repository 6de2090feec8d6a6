package org.rtc4j.sctp.socket;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.sctp.packet.Chunk;
import org.rtc4j.sctp.packet.HeartbeatAckChunk;
import org.rtc4j.sctp.packet.HeartbeatInfoParameter;
import org.rtc4j.sctp.packet.HeartbeatRequestChunk;

/**
 * Heartbeats (RFC 9260 §8.3): while the association is up, a HEARTBEAT goes out every interval; an
 * answer gives a round-trip sample and proves the peer alive, a missing one counts against the
 * association's error limit. Also answers the peer's heartbeats. Separate from the association so
 * that it sees only the narrow {@link Context} it needs.
 */
public final class HeartbeatHandler {
  /** What the handler needs from its association. */
  public interface Context {
    /** Sends a chunk to the peer in the next packet. */
    void send(Chunk chunk);

    /** The current retransmission timeout, how long an answer may take. */
    long rto();

    /** A round-trip sample from an answered heartbeat. */
    void observeRtt(long rttNanos);

    /** A heartbeat was answered: the peer is alive. */
    void heartbeatAnswered();

    /** A heartbeat went unanswered for an RTO. */
    void heartbeatMissed();
  }

  private static final int INFO_LENGTH = 16;

  private final Context context;
  private final RandomSource random;
  private final long intervalNanos;
  private long nextAt = Time.NEVER;
  private long timeoutAt = Time.NEVER;
  private long pendingNonce;

  /**
   * @param intervalNanos how often to send a heartbeat; 0 for never
   */
  public HeartbeatHandler(Context context, RandomSource random, long intervalNanos) {
    this.context = context;
    this.random = random;
    this.intervalNanos = intervalNanos;
  }

  /** Starts sending heartbeats: the first one is due an interval from now. */
  public void start(long now) {
    if (intervalNanos > 0) {
      nextAt = Time.after(now, intervalNanos);
    }
  }

  /** Stops sending heartbeats and forgets any that is pending. */
  public void stop() {
    nextAt = Time.NEVER;
    timeoutAt = Time.NEVER;
  }

  /** When {@link #handleTimeout} has something to do, or {@link Time#NEVER}. */
  public long deadline() {
    return Math.min(nextAt, timeoutAt);
  }

  /** Sends a heartbeat if one is due, and reports one that went unanswered. */
  public void handleTimeout(long now) {
    if (Time.isDue(timeoutAt, now)) {
      timeoutAt = Time.NEVER;
      context.heartbeatMissed();
    }
    if (Time.isDue(nextAt, now)) {
      // RFC 9260 §8.3: the info is ours to choose and comes back as is: when we sent it, and a
      // nonce so that a forged or stale answer does not count.
      pendingNonce = random.nextLong();
      byte[] info =
          ByteWriter.growable(INFO_LENGTH, INFO_LENGTH).u64(now).u64(pendingNonce).toByteArray();
      context.send(HeartbeatRequestChunk.of(info));
      long rto = context.rto();
      timeoutAt = Time.after(now, rto);
      nextAt = Time.after(now, intervalNanos + rto);
    }
  }

  /** RFC 9260 §8.3: the peer's HEARTBEAT is answered with its parameters unchanged. */
  public void handleRequest(HeartbeatRequestChunk request) {
    context.send(HeartbeatAckChunk.answering(request));
  }

  /** An answer to one of our heartbeats: a round trip, and a live peer. */
  public void handleAck(HeartbeatAckChunk ack, long now) {
    HeartbeatInfoParameter info = ack.info().orElse(null);
    if (info == null || info.info().length != INFO_LENGTH || timeoutAt == Time.NEVER) {
      return;
    }
    try {
      ByteReader r = new ByteReader(info.info());
      long sentAt = r.i64();
      long nonce = r.i64();
      if (nonce == pendingNonce && sentAt <= now) {
        timeoutAt = Time.NEVER;
        context.observeRtt(now - sentAt);
        context.heartbeatAnswered();
      }
    } catch (ParseException e) {
      throw new IllegalStateException("16 bytes hold two longs", e);
    }
  }
}
