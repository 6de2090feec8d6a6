package org.rtc4j.stun;

import java.util.Objects;
import org.rtc4j.common.Time;
import org.rtc4j.common.TransportProtocol;

/**
 * One STUN request in flight, sans-I/O: when to send it, when to send it again, and when to give up
 * (RFC 8489 §6.2). It knows nothing of addresses or sockets; {@link StunClient} and the ICE agent
 * drive it.
 *
 * <p>Drive it like every rtc4j state machine: {@link #pollRequest()} gives the bytes when a send is
 * due; call {@link #handleTimeout(long)} at {@link #pollTimeout()}; hand a matching response to
 * {@link #handleResponse(StunMessage, long)}.
 */
public final class StunClientTransaction {
  /** Where a transaction is in its life. */
  public enum State {
    /** Sent, waiting for a response. */
    WAITING,
    /** A response (success or error) arrived. */
    ANSWERED,
    /** No response came in time. */
    TIMED_OUT,
    /** The owner gave up on it. */
    CANCELLED
  }

  private final TransactionId id;
  private final byte[] request;
  private final TransportProtocol transport;
  private final StunRetransmission timing;
  private final long startedAt;
  private State state = State.WAITING;
  private int sent;
  private boolean sendDue = true;
  private long interval;
  private long deadline;
  private long lastSentAt;
  private long rttNanos = -1;

  /**
   * Starts a transaction whose first request is due at once.
   *
   * @param request the encoded request; its bytes 8..19 must be {@code id}
   * @param nowNanos the current time
   */
  public StunClientTransaction(
      TransactionId id,
      byte[] request,
      TransportProtocol transport,
      StunRetransmission timing,
      long nowNanos) {
    this.id = Objects.requireNonNull(id, "id");
    this.request = request.clone();
    this.transport = Objects.requireNonNull(transport, "transport");
    this.timing = Objects.requireNonNull(timing, "timing");
    this.startedAt = nowNanos;
    this.deadline = nowNanos;
  }

  /** The transaction id. */
  public TransactionId id() {
    return id;
  }

  /** Where the transaction is. */
  public State state() {
    return state;
  }

  /** Whether a response may still arrive or a request still be sent. */
  public boolean isWaiting() {
    return state == State.WAITING;
  }

  /** How many times the request has been handed out so far. */
  public int requestsSent() {
    return sent;
  }

  /** When the transaction started. */
  public long startedAt() {
    return startedAt;
  }

  /**
   * The round-trip time measured by the response, or -1. Only a response to a request that was sent
   * once is measured (Karn's rule): with retransmissions it is ambiguous which request it answers.
   */
  public long rttNanos() {
    return rttNanos;
  }

  /**
   * The request's bytes if a send is due now, else {@code null}. The caller must send what it gets.
   * The returned array is shared: do not change it.
   */
  public byte[] pollRequest() {
    if (!sendDue || state != State.WAITING) {
      return null;
    }
    sendDue = false;
    sent++;
    lastSentAt = deadline;
    if (transport == TransportProtocol.TCP) {
      deadline = Time.after(lastSentAt, timing.tcpTimeoutNanos());
    } else if (sent < timing.maxRequests()) {
      interval =
          sent == 1 ? timing.initialRtoNanos() : Math.min(interval * 2, timing.maxRtoNanos());
      deadline = Time.after(lastSentAt, interval);
    } else {
      deadline = Time.after(lastSentAt, timing.lastWaitFactor() * timing.initialRtoNanos());
    }
    return request;
  }

  /** The next time {@link #handleTimeout} must be called, or {@link Time#NEVER}. */
  public long pollTimeout() {
    return state == State.WAITING ? deadline : Time.NEVER;
  }

  /** Fires the retransmission or the final timeout if it is due. */
  public void handleTimeout(long nowNanos) {
    if (state != State.WAITING || sendDue || !Time.isDue(deadline, nowNanos)) {
      return;
    }
    if (transport == TransportProtocol.UDP && sent < timing.maxRequests()) {
      sendDue = true;
    } else {
      state = State.TIMED_OUT;
    }
  }

  /**
   * Takes a response. It is the caller's job to have matched the transaction id.
   *
   * @return true if the transaction was waiting and is now answered
   */
  public boolean handleResponse(StunMessage response, long nowNanos) {
    if (state != State.WAITING || !response.transactionId().equals(id)) {
      return false;
    }
    state = State.ANSWERED;
    if (sent == 1) {
      rttNanos = Math.max(0, nowNanos - lastSentAt);
    }
    return true;
  }

  /** Stops the transaction: nothing more is sent, and a late response is ignored. */
  public void cancel() {
    if (state == State.WAITING) {
      state = State.CANCELLED;
    }
  }
}
