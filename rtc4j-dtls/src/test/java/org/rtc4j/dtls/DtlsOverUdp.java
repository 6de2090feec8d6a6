package org.rtc4j.dtls;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;

/** A {@link DtlsEndpoint} as a host of the virtual network: one peer, fixed addresses. */
final class DtlsOverUdp implements DatagramEndpoint {
  final DtlsEndpoint dtls;
  final InetSocketAddress local;
  final InetSocketAddress remote;
  final List<DtlsEvent> events = new ArrayList<>();
  int datagramsSent;

  DtlsOverUdp(DtlsEndpoint dtls, InetSocketAddress local, InetSocketAddress remote) {
    this.dtls = dtls;
    this.local = local;
    this.remote = remote;
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    dtls.handleRead(datagram.data(), datagram.offset(), datagram.length(), nowNanos);
    drainEvents();
  }

  @Override
  public Datagram pollWrite() {
    byte[] payload = dtls.pollWrite();
    if (payload == null) {
      return null;
    }
    datagramsSent++;
    return Datagram.udp(payload, local, remote);
  }

  @Override
  public void handleTimeout(long nowNanos) {
    dtls.handleTimeout(nowNanos);
    drainEvents();
  }

  @Override
  public long pollTimeout() {
    return dtls.pollTimeout();
  }

  private void drainEvents() {
    for (DtlsEvent e; (e = dtls.pollEvent()) != null; ) {
      events.add(e);
    }
  }
}
