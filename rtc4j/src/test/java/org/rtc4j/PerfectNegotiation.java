package org.rtc4j;

/**
 * The perfect negotiation pattern of webrtc-pc §10.7, as an application writes it: on
 * negotiationneeded, offer; on a colliding offer, the impolite peer ignores it and the polite one
 * rolls back its own and answers. Descriptions and candidates go complete through the call's
 * signaling.
 */
final class PerfectNegotiation {
  private final Call call;
  private final Peer self;
  private final boolean polite;
  private boolean makingOffer;
  private boolean ignoreOffer;

  private PerfectNegotiation(Call call, Peer self, boolean polite) {
    this.call = call;
    this.self = self;
    this.polite = polite;
  }

  private PerfectNegotiation other;

  /** Attaches the pattern to both peers: {@code a} impolite, {@code b} polite. */
  static void attach(Call call) {
    PerfectNegotiation a = attach(call, call.a, false);
    PerfectNegotiation b = attach(call, call.b, true);
    a.other = b;
    b.other = a;
  }

  private static PerfectNegotiation attach(Call call, Peer peer, boolean polite) {
    PerfectNegotiation n = new PerfectNegotiation(call, peer, polite);
    peer.listener =
        e -> {
          if (e instanceof PeerConnectionEvent.NegotiationNeeded) {
            n.offer();
          } else if (e instanceof PeerConnectionEvent.IceCandidate c) {
            n.send(c.candidate());
          }
        };
    return n;
  }

  private void offer() {
    makingOffer = true;
    self.pc.setLocalDescription(self.pc.createOffer(), self.now());
    makingOffer = false;
    send(self.pc.localDescription().orElseThrow());
  }

  private void send(RTCSessionDescription description) {
    Peer to = call.other(self);
    PerfectNegotiation theirs = other;
    to.later(call.signalingDelayNanos, p -> theirs.receive(description));
  }

  private void send(RTCIceCandidate candidate) {
    Peer to = call.other(self);
    PerfectNegotiation theirs = other;
    to.later(call.signalingDelayNanos, p -> theirs.receive(candidate));
  }

  private void receive(RTCSessionDescription description) {
    boolean offerCollision =
        description.type() == SdpType.OFFER
            && (makingOffer || self.pc.signalingState() != SignalingState.STABLE);
    ignoreOffer = !polite && offerCollision;
    if (ignoreOffer) {
      return;
    }
    if (offerCollision) {
      self.pc.setLocalDescription(RTCSessionDescription.rollback(), self.now());
    }
    self.pc.setRemoteDescription(description, self.now());
    if (description.type() == SdpType.OFFER) {
      self.pc.setLocalDescription(self.pc.createAnswer(), self.now());
      send(self.pc.localDescription().orElseThrow());
    }
  }

  private void receive(RTCIceCandidate candidate) {
    try {
      self.pc.addIceCandidate(candidate, self.now());
    } catch (IllegalStateException | IllegalArgumentException e) {
      if (!ignoreOffer) {
        throw e;
      }
    }
  }
}
