package org.rtc4j.datachannel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.RandomSource;
import org.rtc4j.sctp.SctpAssociation;
import org.rtc4j.sctp.SctpConfig;
import org.rtc4j.sctp.SctpEvent;

/**
 * A peer on the virtual network: an SCTP association (one packet per datagram, DTLS left out) and
 * the data channels over it, driven as a peer connection would drive them.
 */
final class ChannelPeer implements DatagramEndpoint {
  final SctpAssociation sctp;
  final DataChannels channels;
  final InetSocketAddress local;
  final InetSocketAddress remote;
  final List<DataChannelEvent> events = new ArrayList<>();

  ChannelPeer(String ip, String remoteIp, boolean dtlsClient, long seed) {
    this.sctp = new SctpAssociation(SctpConfig.builder().build(), RandomSource.seeded(seed));
    this.channels = new DataChannels(DataChannelTransport.over(sctp), dtlsClient);
    this.local = address(ip);
    this.remote = address(remoteIp);
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    sctp.handleRead(datagram.data(), datagram.offset(), datagram.length(), nowNanos);
    drain();
  }

  @Override
  public Datagram pollWrite() {
    byte[] packet = sctp.pollWrite();
    drain();
    return packet == null ? null : Datagram.udp(packet, local, remote);
  }

  @Override
  public void handleTimeout(long nowNanos) {
    sctp.handleTimeout(nowNanos);
    drain();
  }

  @Override
  public long pollTimeout() {
    return sctp.pollTimeout();
  }

  long count(Class<? extends DataChannelEvent> type) {
    return events.stream().filter(type::isInstance).count();
  }

  private void drain() {
    for (SctpEvent e; (e = sctp.pollEvent()) != null; ) {
      channels.handle(e);
    }
    for (DataChannelEvent e; (e = channels.pollEvent()) != null; ) {
      events.add(e);
    }
  }

  private static InetSocketAddress address(String ip) {
    try {
      return new InetSocketAddress(InetAddress.getByName(ip), 5000);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
