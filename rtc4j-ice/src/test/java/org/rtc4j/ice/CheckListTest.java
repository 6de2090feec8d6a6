package org.rtc4j.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.TransportProtocol;

class CheckListTest {
  static InetSocketAddress addr(String ip, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(ip), port);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static LocalCandidate host(String ip, int port, int localPref) {
    InetSocketAddress a = addr(ip, port);
    return new LocalCandidate(
        Candidate.of(
            Candidate.foundation(CandidateType.HOST, a.getAddress(), null, TransportProtocol.UDP),
            1,
            TransportProtocol.UDP,
            CandidateType.HOST.priority(localPref, 1),
            a,
            CandidateType.HOST),
        a);
  }

  static Candidate remote(String ip, int port, CandidateType type, String foundation) {
    return Candidate.of(
        foundation, 1, TransportProtocol.UDP, type.priority(65535, 1), addr(ip, port), type);
  }

  static Map<Candidate, InetSocketAddress> remotes(Candidate... cs) {
    Map<Candidate, InetSocketAddress> m = new LinkedHashMap<>();
    for (Candidate c : cs) {
      m.put(c, c.socketAddress().orElseThrow());
    }
    return m;
  }

  @Test
  void pairPriorityFollowsRfc8445() {
    long g = 2130706431L; // host, controlling side
    long d = 1694498815L; // srflx, controlled side
    assertEquals((d << 32) + 2 * g + 1, CandidatePair.priority(g, d));
    assertEquals((d << 32) + 2 * g, CandidatePair.priority(d, g));
    // The same pair seen from both sides has the same priority.
    LocalCandidate l = host("192.0.2.1", 1000, 65535);
    Candidate r = remote("192.0.2.2", 2000, CandidateType.SERVER_REFLEXIVE, "9");
    CandidatePair p = new CandidatePair(l, r, r.socketAddress().orElseThrow());
    assertEquals(CandidatePair.priority(g, d), p.priority(true));
    assertEquals(CandidatePair.priority(d, g), p.priority(false));
  }

  @Test
  void pairsOnlyCompatibleCandidates() {
    CheckList list = new CheckList(100, true);
    LocalCandidate v4 = host("192.0.2.1", 1000, 65535);
    Candidate r4 = remote("198.51.100.2", 2000, CandidateType.HOST, "1");
    Candidate r6 = remote("2001:db8::2", 2000, CandidateType.HOST, "2");
    Candidate tcp =
        Candidate.of("3", 1, TransportProtocol.TCP, 1, addr("198.51.100.3", 9), CandidateType.HOST);
    Candidate component2 =
        new Candidate(
            "4", 2, "udp", 1, "198.51.100.4", 2000, CandidateType.HOST, null, -1, List.of());
    List<CandidatePair> added = list.pairLocal(v4, remotes(r4, r6, tcp, component2));
    assertEquals(1, added.size());
    assertEquals(addr("198.51.100.2", 2000), added.get(0).remoteAddress());
  }

  @Test
  void serverReflexiveLocalIsRedundantWithItsBase() {
    CheckList list = new CheckList(100, true);
    LocalCandidate h = host("10.0.0.1", 1000, 65535);
    LocalCandidate srflx =
        new LocalCandidate(
            Candidate.of(
                "7",
                1,
                TransportProtocol.UDP,
                CandidateType.SERVER_REFLEXIVE.priority(65535, 1),
                addr("203.0.113.1", 40000),
                CandidateType.SERVER_REFLEXIVE),
            h.base());
    Candidate r = remote("198.51.100.2", 2000, CandidateType.HOST, "1");
    list.pairLocal(h, remotes(r));
    assertEquals(List.of(), list.pairLocal(srflx, remotes(r)), "pruned (RFC 8445 §6.1.2.4)");
    assertEquals(1, list.pairs().size());
    assertEquals(CandidateType.HOST, list.pairs().get(0).local().candidate().type());
  }

  @Test
  void higherPriorityRedundantPairReplacesAnUncheckedOne() {
    CheckList list = new CheckList(100, true);
    LocalCandidate h = host("10.0.0.1", 1000, 65535);
    Candidate prflx = remote("198.51.100.2", 2000, CandidateType.PEER_REFLEXIVE, "p");
    Candidate signalled = remote("198.51.100.2", 2000, CandidateType.HOST, "1");
    list.pairRemote(prflx, prflx.socketAddress().orElseThrow(), List.of(h));
    list.pairRemote(signalled, signalled.socketAddress().orElseThrow(), List.of(h));
    assertEquals(1, list.pairs().size());
    assertEquals(CandidateType.HOST, list.pairs().get(0).remote().type());
  }

  @Test
  void pairsAreOrderedByPriorityAndBounded() {
    CheckList list = new CheckList(3, true);
    LocalCandidate l = host("10.0.0.1", 1000, 65535);
    for (int i = 0; i < 5; i++) {
      CandidateType t = i % 2 == 0 ? CandidateType.RELAY : CandidateType.HOST;
      list.pairLocal(l, remotes(remote("198.51.100." + (i + 1), 2000, t, "f" + i)));
    }
    assertEquals(3, list.pairs().size(), "bounded (RFC 8445 §6.1.2.5)");
    long previous = Long.MAX_VALUE;
    for (CandidatePair p : list.pairs()) {
      assertTrue(p.priority(true) <= previous);
      previous = p.priority(true);
    }
    assertEquals(CandidateType.HOST, list.pairs().get(0).remote().type());
  }

  @Test
  void initialStatesUnfreezeOnePairPerFoundation() {
    CheckList list = new CheckList(100, true);
    LocalCandidate a = host("10.0.0.1", 1000, 65535);
    LocalCandidate b = host("10.0.0.1", 1001, 65534); // same IP: same foundation as a
    Candidate r = remote("198.51.100.2", 2000, CandidateType.HOST, "1");
    Candidate other = remote("198.51.100.3", 2000, CandidateType.HOST, "2");
    list.pairLocal(a, remotes(r, other));
    list.pairLocal(b, remotes(r));
    list.unfreezeInitial();
    long waiting =
        list.pairs().stream().filter(p -> p.state() == CandidatePair.State.WAITING).count();
    assertEquals(2, waiting, "one per foundation: a:1 and a:2");
    CandidatePair frozen =
        list.pairs().stream()
            .filter(p -> p.state() == CandidatePair.State.FROZEN)
            .findFirst()
            .orElseThrow();
    assertEquals(1001, frozen.localBase().getPort());
    assertEquals(CandidatePair.State.WAITING, list.nextToCheck().orElseThrow().state());
    list.unfreezeFoundation(frozen.foundation());
    assertEquals(CandidatePair.State.WAITING, frozen.state());
    assertFalse(list.allFailed());
  }
}
