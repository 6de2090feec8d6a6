package org.rtc4j.benchmarks.pc;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.rtc4j.PeerConnectionEvent;
import org.rtc4j.RTCConfiguration;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.datachannel.DataChannelEvent;
import org.rtc4j.dtls.DtlsCertificate;
import org.rtc4j.testkit.LinkConfig;
import org.rtc4j.testkit.VirtualNetwork;

/**
 * Two {@link RTCPeerConnection}s on the virtual network with zero latency, signaling passed
 * directly: {@link #connect()} runs one whole connection, from {@code new RTCPeerConnection} to a
 * data channel open on both sides (ICE, DTLS, SCTP and DCEP), all on the calling thread, so that
 * its CPU time is the CPU time of both peers.
 */
public final class PeerConnectionPair {
  private static final Clock WALL_CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);

  private final DtlsCertificate certA;
  private final DtlsCertificate certB;
  private long seed;

  /** The virtual time the last {@link #connect()} took, in nanoseconds. */
  public long lastVirtualNanos;

  /** Certificates are made once: a browser also reuses its certificate across connections. */
  public PeerConnectionPair() {
    certA = DtlsCertificate.selfSigned(WALL_CLOCK.instant(), RandomSource.seeded(1));
    certB = DtlsCertificate.selfSigned(WALL_CLOCK.instant(), RandomSource.seeded(2));
  }

  /** One connection, until the channel the offerer created is open on both sides. */
  public void connect() {
    seed++;
    Node a = new Node(peer(certA, seed * 2), "10.0.0.1");
    Node b = new Node(peer(certB, seed * 2 + 1), "10.0.0.2");
    VirtualNetwork net = VirtualNetwork.seeded(seed);
    var ha = net.addHost("a", a, a.address.getAddress());
    var hb = net.addHost("b", b, b.address.getAddress());
    net.linkBoth(ha, hb, LinkConfig.ideal());
    a.pc.setHostAddresses(List.of(a.address), 0);
    b.pc.setHostAddresses(List.of(b.address), 0);
    a.pc.createDataChannel("bench");
    a.pc.setLocalDescription(a.pc.createOffer(), 0);
    b.pc.setRemoteDescription(a.pc.localDescription().orElseThrow(), 0);
    b.pc.setLocalDescription(b.pc.createAnswer(), 0);
    a.pc.setRemoteDescription(b.pc.localDescription().orElseThrow(), 0);
    if (!net.runUntil(() -> a.open && b.open, Time.seconds(10))) {
      throw new IllegalStateException("the channel did not open: " + a.pc + " / " + b.pc);
    }
    lastVirtualNanos = net.now();
    a.pc.close();
    b.pc.close();
  }

  private static RTCPeerConnection peer(DtlsCertificate certificate, long seed) {
    return new RTCPeerConnection(
        RTCConfiguration.builder()
            .certificate(certificate)
            .random(RandomSource.seeded(seed))
            .wallClock(WALL_CLOCK)
            .build());
  }

  private static final class Node implements DatagramEndpoint {
    final RTCPeerConnection pc;
    final InetSocketAddress address;
    boolean open;

    Node(RTCPeerConnection pc, String ip) {
      this.pc = pc;
      try {
        this.address = new InetSocketAddress(InetAddress.getByName(ip), 5000);
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }

    private void drain() {
      for (PeerConnectionEvent e = pc.pollEvent(); e != null; e = pc.pollEvent()) {
        if (e instanceof PeerConnectionEvent.Channel c
            && c.event() instanceof DataChannelEvent.Open) {
          open = true;
        }
      }
    }

    @Override
    public void handleRead(Datagram datagram, long nowNanos) {
      pc.handleRead(datagram, nowNanos);
      drain();
    }

    @Override
    public Datagram pollWrite() {
      return pc.pollWrite();
    }

    @Override
    public void handleTimeout(long nowNanos) {
      pc.handleTimeout(nowNanos);
      drain();
    }

    @Override
    public long pollTimeout() {
      return pc.pollTimeout();
    }
  }
}
