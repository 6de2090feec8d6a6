package org.rtc4j.nio;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.RandomSource;
import org.rtc4j.ice.Candidate;
import org.rtc4j.ice.CandidatePair;
import org.rtc4j.ice.IceAgent;
import org.rtc4j.ice.IceAgentConfig;
import org.rtc4j.ice.IceConnectionState;
import org.rtc4j.ice.IceEvent;

/**
 * A test endpoint: an {@link IceAgent} whose host candidates are the runtime's bound addresses and
 * whose candidates go to its peer through the peer's {@link Registration#execute} (in-process
 * trickle signalling).
 */
final class IcePeer implements NioEndpoint {
  final NioRuntime runtime;
  final IceAgent agent;
  final CompletableFuture<Registration> peerRegistration = new CompletableFuture<>();
  final CompletableFuture<CandidatePair> connected = new CompletableFuture<>();
  IcePeer peer;

  IcePeer(NioRuntime runtime, boolean controlling, long seed) {
    this.runtime = runtime;
    this.agent =
        new IceAgent(
            IceAgentConfig.builder().controlling(controlling).build(), RandomSource.seeded(seed));
  }

  /** Exchanges credentials, as the offer and answer would; before either is registered. */
  static void introduce(IcePeer a, IcePeer b) {
    a.peer = b;
    b.peer = a;
    a.agent.setRemoteCredentials(b.agent.localCredentials(), a.runtime.now());
    b.agent.setRemoteCredentials(a.agent.localCredentials(), b.runtime.now());
  }

  /** Registers both with their runtimes and tells each where the other is. */
  static void connect(IcePeer a, IcePeer b) {
    introduce(a, b);
    Registration ra = a.runtime.register(a);
    Registration rb = b.runtime.register(b);
    b.peerRegistration.complete(ra);
    a.peerRegistration.complete(rb);
  }

  @Override
  public void addressesBound(List<InetSocketAddress> addresses, long nowNanos) {
    for (InetSocketAddress a : addresses) {
      agent.addLocalAddress(a, nowNanos);
    }
    agent.gatheringComplete();
  }

  @Override
  public void afterDrive(long nowNanos) {
    for (IceEvent e; (e = agent.pollEvent()) != null; ) {
      if (e instanceof IceEvent.CandidateGathered g) {
        Candidate c = g.candidate();
        toPeer(() -> peer.agent.addRemoteCandidate(c, peer.runtime.now()));
      } else if (e instanceof IceEvent.GatheringComplete) {
        toPeer(() -> peer.agent.endOfRemoteCandidates(peer.runtime.now()));
      } else if (e instanceof IceEvent.StateChanged s) {
        if (s.state() == IceConnectionState.CONNECTED
            || s.state() == IceConnectionState.COMPLETED) {
          connected.complete(agent.selectedPair().orElseThrow());
        } else if (s.state() == IceConnectionState.FAILED) {
          connected.completeExceptionally(new AssertionError("ICE failed: " + agent.pairs()));
        }
      }
    }
  }

  private void toPeer(Runnable signal) {
    peerRegistration.thenAccept(r -> r.execute(signal));
  }

  @Override
  public Set<String> localUfrags() {
    return Set.of(agent.localCredentials().ufrag());
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    agent.handleRead(datagram, nowNanos);
  }

  @Override
  public Datagram pollWrite() {
    return agent.pollWrite();
  }

  @Override
  public void handleTimeout(long nowNanos) {
    agent.handleTimeout(nowNanos);
  }

  @Override
  public long pollTimeout() {
    return agent.pollTimeout();
  }
}
