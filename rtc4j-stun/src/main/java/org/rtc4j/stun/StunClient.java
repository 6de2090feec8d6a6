package org.rtc4j.stun;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.DropCounts;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.Time;
import org.rtc4j.common.TransportProtocol;

/**
 * A sans-I/O STUN client: sends requests, retransmits them on RFC 8489's schedule, matches
 * responses to them by transaction id, and reports each transaction's outcome as a {@link
 * StunClientEvent}.
 *
 * <pre>{@code
 * StunClient client = new StunClient(StunRetransmission.DEFAULT, 64);
 * TransactionId id = TransactionId.random(random);
 * client.send(StunMessage.builder(MessageType.BINDING_REQUEST, id).fingerprint().encode(),
 *     local, stunServer, TransportProtocol.UDP, now);
 * // then the usual loop: pollWrite() to the network, handleRead(...) from it,
 * // handleTimeout(now) at pollTimeout(), and pollEvent() for Answered / Failed.
 * }</pre>
 *
 * <p>Inbound datagrams that are not responses to an open transaction are dropped and counted in
 * {@link #drops()}. Not thread-safe.
 */
public final class StunClient implements DatagramEndpoint {
  /** Why an inbound datagram was dropped. */
  public enum Drop {
    /** Not a well-formed STUN message (or its FINGERPRINT was wrong). */
    MALFORMED,
    /** A STUN request or indication, which a client does not take. */
    NOT_A_RESPONSE,
    /** A response to no open transaction: unknown, finished, or a duplicate. */
    UNKNOWN_TRANSACTION
  }

  private record Pending(
      StunClientTransaction transaction,
      InetSocketAddress local,
      InetSocketAddress remote,
      TransportProtocol transport) {}

  private final StunRetransmission timing;
  private final int maxTransactions;
  private final Map<TransactionId, Pending> pending = new LinkedHashMap<>();
  private final ArrayDeque<StunClientEvent> events = new ArrayDeque<>();
  private final DropCounts<Drop> drops = new DropCounts<>(Drop.class);

  /**
   * @param timing the retransmission schedule
   * @param maxTransactions how many transactions may be open at once
   */
  public StunClient(StunRetransmission timing, int maxTransactions) {
    this.timing = Objects.requireNonNull(timing, "timing");
    if (maxTransactions < 1) {
      throw new IllegalArgumentException("maxTransactions must be positive: " + maxTransactions);
    }
    this.maxTransactions = maxTransactions;
  }

  /**
   * Starts a transaction: {@code request} is sent at once and retransmitted until answered.
   *
   * @param request an encoded STUN request
   * @param local the address to send from
   * @param remote the server
   * @param transport UDP (retransmitted) or TCP (not)
   * @param nowNanos the current time
   * @return the request's transaction id
   * @throws IllegalArgumentException if {@code request} is not a STUN request, or its transaction
   *     is already open
   * @throws IllegalStateException if {@code maxTransactions} are already open
   */
  public TransactionId send(
      byte[] request,
      InetSocketAddress local,
      InetSocketAddress remote,
      TransportProtocol transport,
      long nowNanos) {
    StunMessage message;
    try {
      message = StunMessage.decode(request);
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a STUN message: " + e.getMessage(), e);
    }
    if (message.type().messageClass() != MessageClass.REQUEST) {
      throw new IllegalArgumentException("not a request: " + message.type());
    }
    TransactionId id = message.transactionId();
    if (pending.containsKey(id)) {
      throw new IllegalArgumentException("transaction " + id + " is already open");
    }
    if (pending.size() >= maxTransactions) {
      throw new IllegalStateException(
          "already " + maxTransactions + " STUN transactions open; wait for one to finish");
    }
    pending.put(
        id,
        new Pending(
            new StunClientTransaction(id, request, transport, timing, nowNanos),
            Objects.requireNonNull(local, "local"),
            Objects.requireNonNull(remote, "remote"),
            transport));
    return id;
  }

  /** Stops a transaction; a late response to it is dropped. */
  public void cancel(TransactionId id) {
    Pending p = pending.remove(id);
    if (p != null) {
      p.transaction().cancel();
    }
  }

  /** How many transactions are open. */
  public int openTransactions() {
    return pending.size();
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    StunMessage message;
    try {
      message = StunMessage.decode(datagram);
    } catch (ParseException e) {
      drops.increment(Drop.MALFORMED);
      return;
    }
    if (!message.type().messageClass().isResponse()) {
      drops.increment(Drop.NOT_A_RESPONSE);
      return;
    }
    Pending p = pending.get(message.transactionId());
    if (p == null) {
      drops.increment(Drop.UNKNOWN_TRANSACTION);
      return;
    }
    pending.remove(message.transactionId());
    StunClientTransaction t = p.transaction();
    t.handleResponse(message, nowNanos);
    if (!message.unknownComprehensionRequired().isEmpty()) {
      events.add(new StunClientEvent.Failed(t.id(), StunClientEvent.Reason.UNKNOWN_ATTRIBUTES));
    } else {
      events.add(
          new StunClientEvent.Answered(
              t.id(), message, datagram.local(), datagram.remote(), t.rttNanos()));
    }
  }

  @Override
  public Datagram pollWrite() {
    for (Pending p : pending.values()) {
      byte[] bytes = p.transaction().pollRequest();
      if (bytes != null) {
        return new Datagram(bytes, 0, bytes.length, p.local(), p.remote(), p.transport(), null);
      }
    }
    return null;
  }

  @Override
  public void handleTimeout(long nowNanos) {
    for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
      StunClientTransaction t = it.next().transaction();
      t.handleTimeout(nowNanos);
      if (t.state() == StunClientTransaction.State.TIMED_OUT) {
        it.remove();
        events.add(new StunClientEvent.Failed(t.id(), StunClientEvent.Reason.TIMED_OUT));
      }
    }
  }

  @Override
  public long pollTimeout() {
    long earliest = Time.NEVER;
    for (Pending p : pending.values()) {
      earliest = Math.min(earliest, p.transaction().pollTimeout());
    }
    return earliest;
  }

  /** The next event, or {@code null}. */
  public StunClientEvent pollEvent() {
    return events.poll();
  }

  /** Inbound datagrams dropped, by reason. */
  public DropCounts<Drop> drops() {
    return drops;
  }
}
