package org.rtc4j;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.rtc4j.common.Time;
import org.rtc4j.datachannel.DataChannel;
import org.rtc4j.datachannel.DataChannelState;
import org.rtc4j.testkit.LinkConfig;
import org.rtc4j.testkit.VirtualNetwork;

/**
 * Two peer connections on the virtual network, with signaling passed in-process on the virtual
 * clock: the deterministic whole-call harness. A seed fixes everything: the network's loss and the
 * peers' randomness.
 */
final class Call {
  final VirtualNetwork net;
  final Peer a;
  final Peer b;
  final Random signalingRandom;

  /** Signaling latency, one way. */
  long signalingDelayNanos = Time.millis(50);

  Call(long seed, LinkConfig link) {
    net = VirtualNetwork.seeded(seed);
    signalingRandom = new Random(seed);
    a = new Peer("a", new InetSocketAddress(ip("10.0.0.1"), 40_000), seed * 2 + 1);
    b = new Peer("b", new InetSocketAddress(ip("10.0.0.2"), 50_000), seed * 2 + 2);
    var hostA = net.addHost("a", a, a.address.getAddress());
    var hostB = net.addHost("b", b, b.address.getAddress());
    net.linkBoth(hostA, hostB, link);
  }

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  Peer other(Peer p) {
    return p == a ? b : a;
  }

  /**
   * Offer from {@code offerer}, answer from the other, each description complete with its
   * candidates (no trickle), through signaling with its delay. Returns when the answer is applied.
   */
  void negotiate(Peer offerer) {
    exchange(offerer, true);
  }

  /**
   * One offer/answer exchange through signaling; with {@code complete}, each side sends its local
   * description with the candidates gathered so far, else the bare description it created.
   */
  private void exchange(Peer offerer, boolean complete) {
    Peer answerer = other(offerer);
    boolean[] done = {false};
    RTCSessionDescription created = offerer.pc.createOffer();
    offerer.pc.setLocalDescription(created, net.now());
    RTCSessionDescription offer = complete ? offerer.pc.localDescription().orElseThrow() : created;
    answerer.later(
        signalingDelayNanos,
        p -> {
          p.pc.setRemoteDescription(offer, p.now());
          RTCSessionDescription createdAnswer = p.pc.createAnswer();
          p.pc.setLocalDescription(createdAnswer, p.now());
          RTCSessionDescription answer =
              complete ? p.pc.localDescription().orElseThrow() : createdAnswer;
          offerer.later(
              signalingDelayNanos,
              o -> {
                o.pc.setRemoteDescription(answer, o.now());
                done[0] = true;
              });
        });
    if (!net.runUntil(() -> done[0], Time.seconds(5))) {
      throw new AssertionError("negotiation did not finish");
    }
  }

  /**
   * Trickle ICE: descriptions go without candidates, and every candidate (and end-of-candidates)
   * follows on its own, delayed by up to {@code maxExtraDelayNanos} more and so out of order.
   */
  void trickle(Peer offerer, long maxExtraDelayNanos) {
    for (Peer p : List.of(a, b)) {
      Peer to = other(p);
      p.listener =
          e -> {
            RTCIceCandidate candidate = null;
            if (e instanceof PeerConnectionEvent.IceCandidate c) {
              candidate = c.candidate();
            } else if (e instanceof PeerConnectionEvent.EndOfCandidates) {
              candidate = new RTCIceCandidate("", "0", 0, null);
            }
            if (candidate != null) {
              RTCIceCandidate sent = candidate;
              long extra = (long) (signalingRandom.nextDouble() * maxExtraDelayNanos);
              to.later(
                  signalingDelayNanos + extra,
                  q -> {
                    if (q.pc.remoteDescription().isPresent()) {
                      q.pc.addIceCandidate(sent, q.now());
                    } else {
                      // Arrived before the description: hold it a little, as apps do.
                      q.later(Time.millis(100), r -> r.pc.addIceCandidate(sent, r.now()));
                    }
                  });
            }
          };
    }
    exchange(offerer, false);
  }

  boolean connected() {
    return a.pc.connectionState() == PeerConnectionState.CONNECTED
        && b.pc.connectionState() == PeerConnectionState.CONNECTED;
  }

  /** Runs until {@code channel} is open on its side and the peer has it open too. */
  DataChannel awaitRemote(Peer opener, DataChannel channel, long maxNanos) {
    Peer remote = other(opener);
    boolean ok =
        net.runUntil(
            () ->
                channel.readyState() == DataChannelState.OPEN
                    && remote.remoteChannels.stream()
                        .anyMatch(
                            c -> c.id() == channel.id() && c.readyState() == DataChannelState.OPEN),
            maxNanos);
    if (!ok) {
      throw new AssertionError(
          "channel " + channel + " did not open on both sides: " + opener + " / " + remote);
    }
    return remote.remoteChannels.stream()
        .filter(c -> c.id() == channel.id())
        .findFirst()
        .orElseThrow();
  }

  static <T> List<T> shuffled(List<T> list, Random random) {
    List<T> out = new ArrayList<>(list);
    Collections.shuffle(out, random);
    return out;
  }
}
