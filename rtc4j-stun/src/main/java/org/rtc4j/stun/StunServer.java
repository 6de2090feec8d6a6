package org.rtc4j.stun;

import java.util.ArrayDeque;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.DropCounts;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.Time;
import org.rtc4j.stun.attributes.ErrorCode;
import org.rtc4j.stun.attributes.Fingerprint;
import org.rtc4j.stun.attributes.Software;
import org.rtc4j.stun.attributes.UnknownAttributes;
import org.rtc4j.stun.attributes.XorMappedAddress;

/**
 * A sans-I/O STUN server for the Binding method (RFC 8489 §6.3): it tells each client the transport
 * address its request came from, in XOR-MAPPED-ADDRESS. This is what server-reflexive ICE
 * candidates are discovered with; it is also handy in tests.
 *
 * <p>It uses no authentication. A request with comprehension-required attributes it does not
 * understand gets 420 with UNKNOWN-ATTRIBUTES; a request of another method gets 400. Binding
 * indications are accepted silently; responses, non-STUN and malformed input are dropped and
 * counted. At most {@code maxQueuedResponses} responses wait to be sent; beyond that new requests
 * are dropped and counted (the client retransmits). Not thread-safe.
 */
public final class StunServer implements DatagramEndpoint {
  /** Why an inbound datagram was dropped. */
  public enum Drop {
    /** Not a well-formed STUN message (or its FINGERPRINT was wrong). */
    MALFORMED,
    /** A response, which a server does not take. */
    NOT_A_REQUEST,
    /** The response queue was full. */
    QUEUE_FULL
  }

  private final String software;
  private final int maxQueuedResponses;
  private final ArrayDeque<Datagram> responses = new ArrayDeque<>();
  private final DropCounts<Drop> drops = new DropCounts<>(Drop.class);
  private long indications;

  /**
   * @param software the SOFTWARE attribute to send, or {@code null} for none
   * @param maxQueuedResponses how many responses may wait to be polled
   */
  public StunServer(String software, int maxQueuedResponses) {
    if (maxQueuedResponses < 1) {
      throw new IllegalArgumentException("maxQueuedResponses must be positive");
    }
    this.software = software == null ? null : new Software(software).value();
    this.maxQueuedResponses = maxQueuedResponses;
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    StunMessage request;
    try {
      request = StunMessage.decode(datagram);
    } catch (ParseException e) {
      drops.increment(Drop.MALFORMED);
      return;
    }
    MessageClass kind = request.type().messageClass();
    if (kind == MessageClass.INDICATION) {
      indications++;
      return;
    }
    if (kind != MessageClass.REQUEST) {
      drops.increment(Drop.NOT_A_REQUEST);
      return;
    }
    if (responses.size() >= maxQueuedResponses) {
      drops.increment(Drop.QUEUE_FULL);
      return;
    }
    StunMessage.Builder response;
    if (!request.unknownComprehensionRequired().isEmpty()) {
      response =
          StunMessage.builder(
                  request.type().withClass(MessageClass.ERROR_RESPONSE), request.transactionId())
              .add(ErrorCode.of(ErrorCode.UNKNOWN_ATTRIBUTE))
              .add(new UnknownAttributes(request.unknownComprehensionRequired()));
    } else if (request.type().method() != StunMethod.BINDING) {
      response =
          StunMessage.builder(
                  request.type().withClass(MessageClass.ERROR_RESPONSE), request.transactionId())
              .add(ErrorCode.of(ErrorCode.BAD_REQUEST));
    } else {
      response =
          StunMessage.builder(MessageType.BINDING_SUCCESS, request.transactionId())
              .add(new XorMappedAddress(datagram.remote()));
    }
    if (software != null) {
      response.add(new Software(software));
    }
    if (request.has(Fingerprint.class)) {
      response.fingerprint();
    }
    byte[] bytes = response.encode();
    responses.add(datagram.reply(bytes));
  }

  @Override
  public Datagram pollWrite() {
    return responses.poll();
  }

  @Override
  public void handleTimeout(long nowNanos) {
    // The server keeps no timers.
  }

  @Override
  public long pollTimeout() {
    return Time.NEVER;
  }

  /** Inbound datagrams dropped, by reason. */
  public DropCounts<Drop> drops() {
    return drops;
  }

  /** How many Binding indications (keepalives) arrived. */
  public long indicationsReceived() {
    return indications;
  }
}
