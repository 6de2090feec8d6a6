package org.rtc4j.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.stun.StunServer;
import org.rtc4j.testkit.Host;
import org.rtc4j.testkit.LinkConfig;
import org.rtc4j.testkit.Nat;
import org.rtc4j.testkit.VirtualNetwork;

/**
 * An agent behind a NAT with endpoint-independent mapping learns its server-reflexive candidate
 * from a simulated STUN server and connects to a public peer through it.
 */
class IceNatTest {
  static final InetSocketAddress A_PRIVATE = CheckListTest.addr("192.168.1.10", 5000);
  static final InetSocketAddress NAT_PUBLIC = CheckListTest.addr("203.0.113.1", 0);
  static final InetSocketAddress STUN = CheckListTest.addr("198.51.100.1", 3478);
  static final InetSocketAddress B = CheckListTest.addr("198.51.100.2", 6000);

  @ParameterizedTest
  @EnumSource(Nat.Filtering.class)
  void serverReflexiveCandidateConnectsThroughTheNat(Nat.Filtering filtering) {
    VirtualNetwork net = VirtualNetwork.seeded(21);
    net.defaultLink(LinkConfig.builder().delayNanos(Time.millis(10)).build());
    net.addHost("stun", new StunServer("simulated", 64), STUN.getAddress());
    Nat nat = new Nat(NAT_PUBLIC.getAddress(), filtering);
    Host natHost = net.addGateway("nat", nat, NAT_PUBLIC.getAddress());
    IceAgent a =
        new IceAgent(IceAgentConfig.builder().controlling(true).build(), RandomSource.seeded(1));
    IceAgent b = new IceAgent(IceAgentConfig.builder().build(), RandomSource.seeded(2));
    net.addHostBehind(natHost, "a", a, A_PRIVATE.getAddress());
    net.addHost("b", b, B.getAddress());

    a.setRemoteCredentials(b.localCredentials(), 0);
    b.setRemoteCredentials(a.localCredentials(), 0);
    a.addStunServer(STUN, 0);
    a.addLocalAddress(A_PRIVATE, 0);
    a.gatheringComplete();
    b.addLocalAddress(B, 0);

    List<Candidate> gatheredByA = new ArrayList<>();
    boolean[] aDoneGathering = {false};
    assertTrue(
        net.runUntil(
            () -> {
              for (IceEvent e; (e = a.pollEvent()) != null; ) {
                if (e instanceof IceEvent.CandidateGathered g) {
                  gatheredByA.add(g.candidate());
                  b.addRemoteCandidate(g.candidate(), net.now());
                } else if (e instanceof IceEvent.GatheringComplete) {
                  aDoneGathering[0] = true;
                  b.endOfRemoteCandidates(net.now());
                }
              }
              for (IceEvent e; (e = b.pollEvent()) != null; ) {
                if (e instanceof IceEvent.CandidateGathered g) {
                  a.addRemoteCandidate(g.candidate(), net.now());
                }
              }
              return a.state() == IceConnectionState.COMPLETED
                  && b.state() == IceConnectionState.COMPLETED;
            },
            Time.seconds(10)));

    InetSocketAddress mapped = nat.mappingOf(A_PRIVATE);
    assertEquals(2, gatheredByA.size(), "host and server-reflexive");
    Candidate srflx = gatheredByA.get(1);
    assertEquals(CandidateType.SERVER_REFLEXIVE, srflx.type());
    assertEquals(mapped, srflx.socketAddress().orElseThrow());
    assertEquals(A_PRIVATE, srflx.relatedSocketAddress().orElseThrow());
    assertTrue(aDoneGathering[0]);

    assertEquals(A_PRIVATE, a.selectedPair().orElseThrow().localBase());
    assertEquals(B, a.selectedPair().orElseThrow().remoteAddress());
    assertEquals(mapped, b.selectedPair().orElseThrow().remoteAddress());
  }
}
