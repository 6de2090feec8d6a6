package org.rtc4j.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.stun.MessageClass;
import org.rtc4j.stun.MessageType;
import org.rtc4j.stun.StunCredentials;
import org.rtc4j.stun.StunMessage;
import org.rtc4j.stun.TransactionId;
import org.rtc4j.stun.attributes.IceControlled;
import org.rtc4j.stun.attributes.Username;
import org.rtc4j.testkit.Host;
import org.rtc4j.testkit.LinkConfig;
import org.rtc4j.testkit.VirtualNetwork;

/** Two ICE agents on the virtual network, signalling in-process. */
class IceAgentTest {
  static final InetSocketAddress A = CheckListTest.addr("10.0.0.1", 5000);
  static final InetSocketAddress B = CheckListTest.addr("10.0.0.2", 6000);

  /** Two agents, a network between them, and a signalling channel that can hold back. */
  static final class Call {
    final VirtualNetwork net;
    final IceAgent a;
    final IceAgent b;
    final List<IceEvent> eventsA = new ArrayList<>();
    final List<IceEvent> eventsB = new ArrayList<>();
    boolean signalA = true; // deliver A's candidates to B
    boolean signalB = true; // deliver B's candidates to A
    final List<Candidate> heldFromA = new ArrayList<>();
    final List<MessageClass> sentByA = new ArrayList<>();
    final List<MessageClass> sentByB = new ArrayList<>();

    Call(long seed, boolean aControlling, boolean bControlling, LinkConfig link) {
      this(
          seed,
          IceAgentConfig.builder().controlling(aControlling).build(),
          IceAgentConfig.builder().controlling(bControlling).build(),
          link);
    }

    Call(long seed, IceAgentConfig configA, IceAgentConfig configB, LinkConfig link) {
      net = VirtualNetwork.seeded(seed);
      a = new IceAgent(configA, RandomSource.seeded(seed * 31 + 1));
      b = new IceAgent(configB, RandomSource.seeded(seed * 31 + 2));
      Host ha = net.addHost("a", new Spy(a, sentByA), A.getAddress());
      Host hb = net.addHost("b", new Spy(b, sentByB), B.getAddress());
      net.linkBoth(ha, hb, link);
      a.setRemoteCredentials(b.localCredentials(), 0);
      b.setRemoteCredentials(a.localCredentials(), 0);
      a.addLocalAddress(A, 0);
      b.addLocalAddress(B, 0);
    }

    /** Passes events between the agents like a signalling server; always false. */
    boolean signal() {
      for (IceEvent e; (e = a.pollEvent()) != null; ) {
        eventsA.add(e);
        if (e instanceof IceEvent.CandidateGathered g) {
          if (signalA) {
            b.addRemoteCandidate(g.candidate(), net.now());
          } else {
            heldFromA.add(g.candidate());
          }
        }
      }
      for (IceEvent e; (e = b.pollEvent()) != null; ) {
        eventsB.add(e);
        if (e instanceof IceEvent.CandidateGathered g && signalB) {
          a.addRemoteCandidate(g.candidate(), net.now());
        }
      }
      return false;
    }

    boolean completed() {
      signal();
      return a.state() == IceConnectionState.COMPLETED && b.state() == IceConnectionState.COMPLETED;
    }

    void assertConnectedOverTheOnlyPath() {
      CandidatePair pa = a.selectedPair().orElseThrow();
      CandidatePair pb = b.selectedPair().orElseThrow();
      assertEquals(A, pa.localBase());
      assertEquals(B, pa.remoteAddress());
      assertEquals(B, pb.localBase());
      assertEquals(A, pb.remoteAddress());
      assertTrue(pa.isNominated() && pb.isNominated());
      assertNotEquals(a.isControlling(), b.isControlling(), "exactly one controls");
    }
  }

  @Test
  void hostCandidatesConnect() {
    Call call = new Call(1, true, false, LinkConfig.builder().delayNanos(Time.millis(10)).build());
    assertTrue(call.net.runUntil(call::completed, Time.seconds(5)));
    call.assertConnectedOverTheOnlyPath();
    assertTrue(call.net.now() < Time.seconds(1), "took " + call.net.now() / 1_000_000 + " ms");
    assertEquals(
        List.of(
            IceConnectionState.CHECKING,
            IceConnectionState.CONNECTED,
            IceConnectionState.COMPLETED),
        states(call.eventsA));
    assertEquals(0, call.a.drops().total());
    assertEquals(0, call.b.drops().total());
  }

  @Test
  void connectsThroughTwentyPercentLoss() {
    for (long seed = 1; seed <= 10; seed++) {
      Call call =
          new Call(
              seed,
              true,
              false,
              LinkConfig.builder().delayNanos(Time.millis(20)).loss(0.2).build());
      assertTrue(call.net.runUntil(call::completed, Time.seconds(10)), "seed " + seed);
      call.assertConnectedOverTheOnlyPath();
    }
  }

  @Test
  void bothControllingRepairTheConflict() {
    Call call = new Call(3, true, true, LinkConfig.builder().delayNanos(Time.millis(5)).build());
    assertTrue(call.net.runUntil(call::completed, Time.seconds(5)));
    call.assertConnectedOverTheOnlyPath();
    assertTrue(
        call.eventsA.stream().anyMatch(e -> e instanceof IceEvent.RoleChanged)
            || call.eventsB.stream().anyMatch(e -> e instanceof IceEvent.RoleChanged));
  }

  @Test
  void bothControlledRepairTheConflict() {
    Call call = new Call(4, false, false, LinkConfig.builder().delayNanos(Time.millis(5)).build());
    assertTrue(call.net.runUntil(call::completed, Time.seconds(5)));
    call.assertConnectedOverTheOnlyPath();
  }

  @Test
  void peerReflexiveCandidateWhenOneSideNeverSignals() {
    // B never tells A its candidate: A learns it from B's check (RFC 8445 §7.3.1.3).
    Call call = new Call(5, true, false, LinkConfig.builder().delayNanos(Time.millis(10)).build());
    call.signalB = false;
    assertTrue(call.net.runUntil(call::completed, Time.seconds(5)));
    call.assertConnectedOverTheOnlyPath();
    assertEquals(CandidateType.PEER_REFLEXIVE, call.a.selectedPair().orElseThrow().remote().type());
  }

  @Test
  void lateTrickledCandidatesStillConnect() {
    Call call = new Call(6, true, false, LinkConfig.builder().delayNanos(Time.millis(10)).build());
    call.signalA = false;
    call.signalB = false;
    call.net.runUntil(call::signal, Time.seconds(2)); // two seconds of nothing
    assertEquals(IceConnectionState.NEW, call.a.state());
    call.signalA = true;
    call.signalB = true;
    for (Candidate c : call.heldFromA) {
      call.b.addRemoteCandidate(c, call.net.now());
    }
    // B's candidate went unsignalled while held; A learns it as peer-reflexive or from B later.
    assertTrue(call.net.runUntil(call::completed, Time.seconds(5)));
    call.assertConnectedOverTheOnlyPath();
  }

  @Test
  void failsWhenThePeerIsUnreachableAndHasNoMoreCandidates() {
    Call call = new Call(7, true, false, LinkConfig.down());
    call.a.endOfRemoteCandidates(0);
    assertTrue(
        call.net.runUntil(
            () -> {
              call.signal();
              return call.a.state() == IceConnectionState.FAILED;
            },
            Time.seconds(60)));
    assertTrue(call.net.now() > Time.seconds(5), "it retransmits before giving up");
  }

  @Test
  void forgedAndStrayInputIsDroppedAndCounted() {
    Call call = new Call(8, true, false, LinkConfig.ideal());
    IceAgent a = call.a;
    String username = a.localCredentials().ufrag() + ":" + call.b.localCredentials().ufrag();
    a.handleRead(Datagram.udp(new byte[] {1, 2, 3}, A, B), 0);
    // A well-formed check with the right USERNAME but the wrong password.
    byte[] wrongKey =
        StunMessage.builder(
                MessageType.BINDING_REQUEST, TransactionId.random(RandomSource.seeded(1)))
            .add(new Username(username))
            .add(new IceControlled(1))
            .integrity(StunCredentials.shortTermKey("not-the-password-at-all"))
            .fingerprint()
            .encode();
    a.handleRead(Datagram.udp(wrongKey, A, B), 0);
    // The same without FINGERPRINT, and one for another agent's ufrag.
    byte[] noFingerprint =
        StunMessage.builder(
                MessageType.BINDING_REQUEST, TransactionId.random(RandomSource.seeded(2)))
            .add(new Username(username))
            .integrity(StunCredentials.shortTermKey(a.localCredentials().password()))
            .encode();
    a.handleRead(Datagram.udp(noFingerprint, A, B), 0);
    byte[] otherUfrag =
        StunMessage.builder(
                MessageType.BINDING_REQUEST, TransactionId.random(RandomSource.seeded(3)))
            .add(new Username("zzzz:" + call.b.localCredentials().ufrag()))
            .integrity(StunCredentials.shortTermKey(a.localCredentials().password()))
            .fingerprint()
            .encode();
    a.handleRead(Datagram.udp(otherUfrag, A, B), 0);
    // A response to nothing, and a check on an address that is not ours.
    byte[] stray =
        StunMessage.builder(
                MessageType.BINDING_SUCCESS, TransactionId.random(RandomSource.seeded(4)))
            .fingerprint()
            .encode();
    a.handleRead(Datagram.udp(stray, A, B), 0);
    a.handleRead(Datagram.udp(wrongKey, CheckListTest.addr("10.0.0.9", 1), B), 0);

    assertEquals(1, a.drops().get(IceAgent.Drop.NOT_STUN));
    assertEquals(2, a.drops().get(IceAgent.Drop.UNAUTHENTICATED));
    assertEquals(1, a.drops().get(IceAgent.Drop.MALFORMED));
    assertEquals(1, a.drops().get(IceAgent.Drop.UNKNOWN_TRANSACTION));
    assertEquals(1, a.drops().get(IceAgent.Drop.UNKNOWN_LOCAL_ADDRESS));
    assertEquals(null, a.pollWrite(), "nothing answered");
    assertEquals(
        0,
        a.pairs().stream().filter(p -> p.remote().type() == CandidateType.PEER_REFLEXIVE).count());
  }

  /** The time of the first StateChanged(state) event that {@code events} received, via polls. */
  static long timeOf(List<long[]> log, IceConnectionState state) {
    for (long[] entry : log) {
      if (entry[1] == state.ordinal()) {
        return entry[0];
      }
    }
    return -1;
  }

  @Test
  void consentLossAfterLinkCutDisconnectsThenFails() {
    Call call = new Call(9, true, false, LinkConfig.builder().delayNanos(Time.millis(10)).build());
    assertTrue(call.net.runUntil(call::completed, Time.seconds(5)));
    // Keep the call up for a while: consent checks keep it COMPLETED.
    List<long[]> log = new ArrayList<>();
    call.net.runUntil(() -> !logStates(call, log), Time.seconds(20));
    assertEquals(IceConnectionState.COMPLETED, call.a.state(), "consent keeps a live call up");
    assertEquals(List.of(), log, "no state change while the link is up");

    long cut = call.net.now();
    Host ha = call.net.hosts().get(0);
    Host hb = call.net.hosts().get(1);
    call.net.linkBoth(ha, hb, LinkConfig.down());
    assertTrue(
        call.net.runUntil(
            () -> logStates(call, log) && call.a.state() == IceConnectionState.FAILED,
            Time.seconds(60)));
    long disconnected = timeOf(log, IceConnectionState.DISCONNECTED) - cut;
    long failed = timeOf(log, IceConnectionState.FAILED) - cut;
    // The last consent answer came at most one consent interval (5 s + 20%) before the cut;
    // DISCONNECTED comes 7 s after it, FAILED 30 s after it (RFC 7675 §5.1).
    assertTrue(
        disconnected > 0 && disconnected <= Time.seconds(7), "disconnected after " + disconnected);
    assertTrue(
        failed > Time.seconds(30) - Time.millis(6000) && failed <= Time.seconds(30),
        "failed after " + failed);
  }

  @Test
  void aBriefOutageComesBack() {
    Call call = new Call(10, true, false, LinkConfig.builder().delayNanos(Time.millis(10)).build());
    assertTrue(call.net.runUntil(call::completed, Time.seconds(5)));
    Host ha = call.net.hosts().get(0);
    Host hb = call.net.hosts().get(1);
    LinkConfig up = LinkConfig.builder().delayNanos(Time.millis(10)).build();
    call.net.linkBoth(ha, hb, LinkConfig.down());
    List<long[]> log = new ArrayList<>();
    assertTrue(
        call.net.runUntil(
            () -> logStates(call, log) && call.a.state() == IceConnectionState.DISCONNECTED,
            Time.seconds(20)));
    call.net.linkBoth(ha, hb, up);
    assertTrue(
        call.net.runUntil(
            () -> logStates(call, log) && call.a.state() == IceConnectionState.COMPLETED,
            Time.seconds(10)));
    call.net.runFor(Time.seconds(40));
    assertEquals(IceConnectionState.COMPLETED, call.a.state());
  }

  @Test
  void restartMidCallKeepsTheOldPairUntilANewOneIsNominated() {
    Call call = new Call(11, true, false, LinkConfig.builder().delayNanos(Time.millis(10)).build());
    assertTrue(call.net.runUntil(call::completed, Time.seconds(5)));
    call.net.runFor(Time.seconds(3));
    CandidatePair oldA = call.a.selectedPair().orElseThrow();
    IceCredentials oldCredentials = call.a.localCredentials();

    // JSEP: the offerer restarts, the answerer restarts with it; both exchange new credentials.
    IceCredentials newA = call.a.restart(call.net.now());
    IceCredentials newB = call.b.restart(call.net.now());
    assertNotEquals(oldCredentials, newA);
    assertTrue(call.a.selectedPair().isPresent(), "data keeps its pair during the restart");
    call.net.runFor(Time.millis(200)); // signalling takes a while
    call.a.setRemoteCredentials(newB, call.net.now());
    call.b.setRemoteCredentials(newA, call.net.now());

    boolean[] alwaysSelected = {true};
    assertTrue(
        call.net.runUntil(
            () -> {
              alwaysSelected[0] &= call.a.selectedPair().isPresent();
              alwaysSelected[0] &= call.b.selectedPair().isPresent();
              return call.completed() && call.a.selectedPair().orElseThrow() != oldA;
            },
            Time.seconds(5)));
    assertTrue(alwaysSelected[0], "never without a pair");
    call.assertConnectedOverTheOnlyPath();
    call.net.runFor(Time.seconds(40));
    assertEquals(IceConnectionState.COMPLETED, call.a.state(), "consent works with the new keys");
    assertEquals(IceConnectionState.COMPLETED, call.b.state());
  }

  @Test
  void restartTakesTheCredentialsOfTheNewDescriptionButNeverTheOldOnes() {
    Call call = new Call(13, true, false, LinkConfig.builder().delayNanos(Time.millis(10)).build());
    assertTrue(call.net.runUntil(call::completed, Time.seconds(5)));
    IceCredentials old = call.a.localCredentials();

    assertThrows(IllegalArgumentException.class, () -> call.a.restart(old, call.net.now()));
    IceCredentials chosen = new IceCredentials("Zx9q", "0123456789abcdefghijkl");
    assertEquals(chosen, call.a.restart(chosen, call.net.now()));
    assertEquals(chosen, call.a.localCredentials());
  }

  @Test
  void fullAgentConnectsToALiteAgentThatNeverChecks() {
    Call call =
        new Call(
            12,
            IceAgentConfig.builder().controlling(true).build(),
            IceAgentConfig.builder().lite(true).build(),
            LinkConfig.builder().delayNanos(Time.millis(10)).loss(0.1).build());
    assertTrue(call.net.runUntil(call::completed, Time.seconds(10)));
    call.assertConnectedOverTheOnlyPath();
    call.net.runFor(Time.seconds(40));
    assertEquals(IceConnectionState.COMPLETED, call.b.state(), "the full side's checks keep it");
    // The lite side sent only responses, never a check of its own.
    assertTrue(call.sentByB.size() >= 3, "B answered checks: " + call.sentByB.size());
    assertTrue(call.sentByB.stream().allMatch(MessageClass::isResponse), "lite B never checks");
    assertTrue(call.sentByA.contains(MessageClass.REQUEST));
    // When A goes away, the lite side notices: its peer's checks stop.
    call.a.close();
    assertTrue(
        call.net.runUntil(() -> call.b.state() == IceConnectionState.FAILED, Time.seconds(40)));
  }

  @Test
  void acceptsAggressiveNominationFromAnOlderPeer() {
    Call call =
        new Call(
            13,
            IceAgentConfig.builder().controlling(true).aggressiveNomination(true).build(),
            IceAgentConfig.builder().build(),
            LinkConfig.builder().delayNanos(Time.millis(10)).build());
    assertTrue(call.net.runUntil(call::completed, Time.seconds(5)));
    call.assertConnectedOverTheOnlyPath();
    // Aggressive: the first check already nominates, so no separate nomination round trip.
    assertTrue(call.net.now() < Time.millis(200), "took " + call.net.now() / 1_000_000 + " ms");
  }

  @Test
  void mdnsHostNamesAreResolvedAndConnect() {
    Call call =
        new Call(
            14,
            IceAgentConfig.builder().controlling(true).mdnsHostNames(true).build(),
            IceAgentConfig.builder().mdnsHostNames(true).build(),
            LinkConfig.builder().delayNanos(Time.millis(5)).build());
    assertTrue(call.net.runUntil(call::completed, Time.seconds(5)));
    call.assertConnectedOverTheOnlyPath();
    Candidate announced =
        call.eventsA.stream()
            .filter(e -> e instanceof IceEvent.CandidateGathered)
            .map(e -> ((IceEvent.CandidateGathered) e).candidate())
            .findFirst()
            .orElseThrow();
    assertTrue(announced.isMdns(), "A's address never appears in signalling: " + announced);
    assertTrue(
        announced
            .address()
            .matches(
                "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\.local"));
    // B resolved A's name to A's real address (not merely learned it as peer-reflexive).
    assertEquals(A, call.b.selectedPair().orElseThrow().remoteAddress());
    assertTrue(
        call.b.pairs().stream()
            .anyMatch(p -> p.remote().type() == CandidateType.HOST && p.remoteAddress().equals(A)),
        "a pair with A's resolved host candidate");
    assertTrue(call.sentByA.contains(null) && call.sentByB.contains(null), "both queried");
    assertEquals(0, call.a.drops().total());
    assertEquals(0, call.b.drops().total());
  }

  @Test
  void anUnansweredMdnsNameIsGivenUpAfterThreeQueries() {
    Call call = new Call(15, true, false, LinkConfig.ideal());
    Candidate ghost =
        new Candidate(
            "1",
            1,
            "udp",
            2122260223L,
            "00000000-0000-4000-8000-000000000000.local",
            9999,
            CandidateType.HOST,
            null,
            -1,
            List.of());
    call.signalB = false;
    assertTrue(call.a.addRemoteCandidate(ghost, 0));
    call.net.runFor(Time.seconds(10));
    long queries = call.sentByA.stream().filter(c -> c == null).count();
    assertEquals(3, queries, "three mDNS queries, then silence");
    assertEquals(IceConnectionState.NEW, call.a.state());
  }

  /** Records A's state changes with their times; always false, for use in runUntil. */
  static boolean logStates(Call call, List<long[]> log) {
    int before = call.eventsA.size();
    call.signal();
    for (IceEvent e : call.eventsA.subList(before, call.eventsA.size())) {
      if (e instanceof IceEvent.StateChanged sc) {
        log.add(new long[] {call.net.now(), sc.state().ordinal()});
      }
    }
    return true;
  }

  /** Passes everything through to an agent, noting the class of each STUN message it sends. */
  record Spy(IceAgent agent, List<MessageClass> sent) implements DatagramEndpoint {
    @Override
    public void handleRead(Datagram datagram, long nowNanos) {
      agent.handleRead(datagram, nowNanos);
    }

    @Override
    public Datagram pollWrite() {
      Datagram d = agent.pollWrite();
      if (d != null && d.remote().getPort() == MdnsMessage.PORT) {
        sent.add(null); // an mDNS message
      } else if (d != null) {
        try {
          sent.add(StunMessage.decode(d).type().messageClass());
        } catch (ParseException e) {
          throw new AssertionError("the agent sent a malformed message", e);
        }
      }
      return d;
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

  static List<IceConnectionState> states(List<IceEvent> events) {
    List<IceConnectionState> out = new ArrayList<>();
    for (IceEvent e : events) {
      if (e instanceof IceEvent.StateChanged s) {
        out.add(s.state());
      }
    }
    return out;
  }
}
