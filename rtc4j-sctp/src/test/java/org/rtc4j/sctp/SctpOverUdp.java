package org.rtc4j.sctp;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;

/**
 * An {@link SctpAssociation} as a host of the virtual network, each SCTP packet in one datagram
 * (DTLS left out, as the issue allows): one peer, fixed addresses, events collected.
 */
final class SctpOverUdp implements DatagramEndpoint {
  final SctpAssociation sctp;
  final InetSocketAddress local;
  final InetSocketAddress remote;
  final List<SctpEvent> events = new ArrayList<>();
  final List<SctpEvent.MessageReceived> messages = new ArrayList<>();
  long packetsSent;
  long dataChunksSent;
  long bytesSent;

  SctpOverUdp(SctpAssociation sctp, InetSocketAddress local, InetSocketAddress remote) {
    this.sctp = sctp;
    this.local = local;
    this.remote = remote;
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    sctp.handleRead(datagram.data(), datagram.offset(), datagram.length(), nowNanos);
    drainEvents();
  }

  @Override
  public Datagram pollWrite() {
    byte[] packet = sctp.pollWrite();
    drainEvents();
    if (packet == null) {
      return null;
    }
    packetsSent++;
    bytesSent += packet.length;
    try {
      for (org.rtc4j.sctp.packet.Chunk c :
          org.rtc4j.sctp.packet.SctpPacket.parse(packet, 0, packet.length, true).chunks()) {
        if (c instanceof org.rtc4j.sctp.packet.DataChunk
            || c instanceof org.rtc4j.sctp.packet.IDataChunk) {
          dataChunksSent++;
        }
      }
    } catch (org.rtc4j.common.ParseException e) {
      throw new AssertionError("we sent a packet that does not parse", e);
    }
    return Datagram.udp(packet, local, remote);
  }

  @Override
  public void handleTimeout(long nowNanos) {
    sctp.handleTimeout(nowNanos);
    drainEvents();
  }

  @Override
  public long pollTimeout() {
    return sctp.pollTimeout();
  }

  boolean has(Class<? extends SctpEvent> type) {
    return events.stream().anyMatch(type::isInstance);
  }

  private void drainEvents() {
    for (SctpEvent e; (e = sctp.pollEvent()) != null; ) {
      if (e instanceof SctpEvent.MessageReceived m) {
        messages.add(m);
      } else {
        events.add(e);
      }
    }
  }
}
