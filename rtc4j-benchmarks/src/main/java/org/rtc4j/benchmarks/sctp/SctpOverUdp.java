package org.rtc4j.benchmarks.sctp;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.sctp.PayloadProtocolId;
import org.rtc4j.sctp.SctpAssociation;
import org.rtc4j.sctp.SctpEvent;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.SendStatus;

/**
 * An {@link SctpAssociation} as a host of the testkit's virtual network, each SCTP packet in one
 * UDP datagram (DTLS left out). As a sender it keeps its stream's send queue topped up with
 * messages; as a receiver it checks and counts the messages that arrive. Either way it counts the
 * DATA and I-DATA chunks it sends, and those that carry a TSN it has sent before: its
 * retransmissions.
 *
 * <p>The network hands a host every packet due at one instant before it asks the host for what to
 * send, and a link without a bandwidth limit delivers a whole flight at one instant. By default
 * this host calls the association's {@code pollWrite} after every {@code handleRead}, as the
 * association asks and as an event loop that serves one datagram at a time does, and keeps the
 * packets until the network asks for them; so the receiver answers every second packet with a SACK.
 * With {@code pollEachRead} false it leaves the association alone until the network asks, as a loop
 * that reads every waiting datagram before it writes does: the receiver then answers a whole flight
 * with one SACK.
 */
final class SctpOverUdp implements DatagramEndpoint {
  /** SCTP chunk types that carry a TSN (RFC 9260 §3.3.1, RFC 8260 §2.1). */
  private static final int DATA = 0;

  private static final int I_DATA = 64;

  final SctpAssociation sctp;
  private final InetSocketAddress local;
  private final InetSocketAddress remote;
  private final Payloads payloads;
  private final long topUpBytes;
  private final boolean pollEachRead;
  private final ArrayDeque<byte[]> outbox = new ArrayDeque<>();

  private long sent;
  private long received;
  private long receivedBytes;
  private long packets;
  private long dataChunks;
  private long retransmittedChunks;
  private long highestTsn = -1;
  private boolean connected;
  private String failure;

  /**
   * @param payloads the messages this side sends (in turn) or expects (in order)
   * @param topUpBytes when above 0, this side sends: it queues messages whenever fewer than this
   *     many bytes wait in its stream's send queue
   * @param pollEachRead whether to take the association's packets after every packet it reads
   */
  SctpOverUdp(
      SctpAssociation sctp,
      InetSocketAddress local,
      InetSocketAddress remote,
      Payloads payloads,
      long topUpBytes,
      boolean pollEachRead) {
    this.sctp = sctp;
    this.local = local;
    this.remote = remote;
    this.payloads = payloads;
    this.topUpBytes = topUpBytes;
    this.pollEachRead = pollEachRead;
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    sctp.handleRead(datagram.data(), datagram.offset(), datagram.length(), nowNanos);
    drainEvents();
    if (pollEachRead) {
      take();
    }
  }

  @Override
  public Datagram pollWrite() {
    if (outbox.isEmpty()) {
      take();
    }
    byte[] packet = outbox.poll();
    if (packet == null) {
      return null;
    }
    count(packet);
    return Datagram.udp(packet, local, remote);
  }

  @Override
  public void handleTimeout(long nowNanos) {
    sctp.handleTimeout(nowNanos);
    drainEvents();
    if (pollEachRead) {
      take();
    }
  }

  /** Tops up the send queue, then takes every packet the association has to send now. */
  private void take() {
    if (topUpBytes > 0 && connected) {
      while (sctp.bufferedAmount(Payloads.STREAM) < topUpBytes
          && sctp.send(
                  Payloads.STREAM,
                  PayloadProtocolId.BINARY,
                  payloads.get(sent),
                  SendOptions.RELIABLE)
              == SendStatus.QUEUED) {
        sent++;
      }
    }
    for (byte[] p; (p = sctp.pollWrite()) != null; ) {
      outbox.add(p);
    }
    drainEvents();
  }

  @Override
  public long pollTimeout() {
    return sctp.pollTimeout();
  }

  /** Whether the association is established. */
  boolean connected() {
    return connected;
  }

  /** Why the association ended or a message was wrong, or {@code null}. */
  String failure() {
    return failure;
  }

  /** Messages received, in order and intact. */
  long received() {
    return received;
  }

  /** Bytes of the messages received. */
  long receivedBytes() {
    return receivedBytes;
  }

  /** Packets sent. */
  long packets() {
    return packets;
  }

  /** DATA and I-DATA chunks sent, retransmissions included. */
  long dataChunks() {
    return dataChunks;
  }

  /** DATA and I-DATA chunks sent with a TSN sent before. */
  long retransmittedChunks() {
    return retransmittedChunks;
  }

  private void drainEvents() {
    for (SctpEvent e; (e = sctp.pollEvent()) != null; ) {
      if (e instanceof SctpEvent.MessageReceived m) {
        if (failure == null && !payloads.matches(received, m.payload())) {
          failure = "message " + received + " arrived damaged or out of order";
        }
        received++;
        receivedBytes += m.payload().length;
      } else if (e instanceof SctpEvent.Connected) {
        connected = true;
      } else if (e instanceof SctpEvent.Aborted a) {
        connected = false;
        failure = a.reason();
      } else if (e instanceof SctpEvent.Closed) {
        connected = false;
      }
    }
  }

  /**
   * Walks the packet's chunks (RFC 9260 §3: a 12-byte common header, then chunks of type, flags,
   * 16-bit length, padded to 4 bytes) and counts the DATA and I-DATA chunks, whose TSN follows
   * their length.
   */
  private void count(byte[] packet) {
    packets++;
    int at = 12;
    while (at + 8 <= packet.length) {
      int type = packet[at] & 0xFF;
      int length = (packet[at + 2] & 0xFF) << 8 | packet[at + 3] & 0xFF;
      if (length < 4) {
        return;
      }
      if (type == DATA || type == I_DATA) {
        dataChunks++;
        long tsn = unwrap(readInt(packet, at + 4));
        if (tsn <= highestTsn) {
          retransmittedChunks++;
        } else {
          highestTsn = tsn;
        }
      }
      at += (length + 3) & ~3;
    }
  }

  /** The TSN as a growing number: TSNs wrap at 2^32, but never jump by 2^31 within a run. */
  private long unwrap(int tsn) {
    long raw = Integer.toUnsignedLong(tsn);
    if (highestTsn < 0) {
      return raw;
    }
    return highestTsn + (int) (tsn - (int) highestTsn);
  }

  private static int readInt(byte[] b, int at) {
    return (b[at] & 0xFF) << 24
        | (b[at + 1] & 0xFF) << 16
        | (b[at + 2] & 0xFF) << 8
        | b[at + 3] & 0xFF;
  }
}
