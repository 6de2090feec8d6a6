package org.rtc4j.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.TransportProtocol;

class CandidateTest {
  /**
   * Candidate lines in the formats Chromium and Firefox write them (the shared fixture SDPs were
   * captured with trickle ICE and carry none). The first is the one the interop README records from
   * Chromium 156 on this machine; the others follow the same browsers' field order and extensions
   * (generation, ufrag, network-id, network-cost, tcptype), with documentation addresses.
   */
  static final List<String> BROWSER_LINES =
      List.of(
          "candidate:744363243 1 udp 2122260223 127.0.0.1 52681 typ host generation 0 ufrag +ySK"
              + " network-id 1",
          "candidate:3098175849 1 udp 2122260223 9b36eaac-bb2e-49bb-bb78-21c6e7e7b3a0.local 50542"
              + " typ host generation 0 ufrag 4+0D network-cost 999",
          "candidate:842163049 1 udp 1677729535 203.0.113.5 61437 typ srflx raddr 0.0.0.0 rport 0"
              + " generation 0 ufrag +ySK network-cost 999",
          "candidate:1922784465 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active generation 0"
              + " network-id 1",
          "candidate:1471416151 1 udp 41885439 198.51.100.7 54310 typ relay raddr 203.0.113.5"
              + " rport 61437 generation 0 ufrag +ySK network-cost 999",
          "candidate:0 1 UDP 2122252543 127.0.0.1 54200 typ host",
          "candidate:1 1 TCP 2105524479 127.0.0.1 9 typ host tcptype active",
          "candidate:2 1 UDP 1686052863 203.0.113.5 54200 typ srflx raddr 192.168.1.10 rport"
              + " 54200",
          "candidate:3 1 UDP 2122187007 ::1 59721 typ host",
          "candidate:4 1 UDP 2122252543 4b5f8e39-8cb5-4b0c-9f0a-2b0b48c83b6a.local 58364 typ host",
          "candidate:5 1 UDP 8331263 198.51.100.7 61000 typ relay raddr 203.0.113.5 rport 54200",
          "candidate:2a7dd5e1 1 udp 1853824767 203.0.113.9 41000 typ prflx raddr 10.0.0.2 rport"
              + " 41000 generation 0");

  @Test
  void browserLinesRoundTripExactly() throws ParseException {
    for (String line : BROWSER_LINES) {
      assertEquals(line, Candidate.parse(line).toString());
      assertEquals(line, Candidate.parse("a=" + line).toString(), "with the SDP prefix");
    }
  }

  @Test
  void fieldsOfAChromiumHostCandidate() throws Exception {
    Candidate c = Candidate.parse(BROWSER_LINES.get(0));
    assertEquals("744363243", c.foundation());
    assertEquals(1, c.component());
    assertEquals(Optional.of(TransportProtocol.UDP), c.transportProtocol());
    assertEquals(2122260223L, c.priority());
    assertEquals(CandidateType.HOST, c.type());
    assertEquals(
        Optional.of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 52681)),
        c.socketAddress());
    assertEquals(Optional.of("+ySK"), c.extension("ufrag"));
    assertEquals(Optional.empty(), c.relatedSocketAddress());
  }

  @Test
  void relatedAddressAndTcpType() throws Exception {
    Candidate srflx = Candidate.parse(BROWSER_LINES.get(7));
    assertEquals(CandidateType.SERVER_REFLEXIVE, srflx.type());
    assertEquals(
        Optional.of(new InetSocketAddress(InetAddress.getByName("192.168.1.10"), 54200)),
        srflx.relatedSocketAddress());
    Candidate tcp = Candidate.parse(BROWSER_LINES.get(6));
    assertEquals(Optional.of(TransportProtocol.TCP), tcp.transportProtocol());
    assertEquals(Optional.of("active"), tcp.extension("tcptype"));
  }

  @Test
  void mdnsNamesAreNeverLookedUp() throws ParseException {
    Candidate c = Candidate.parse(BROWSER_LINES.get(1));
    assertTrue(c.isMdns());
    assertEquals(Optional.empty(), c.socketAddress());
    Candidate resolved = c.withAddress(new InetSocketAddress("192.0.2.44", 50542));
    assertEquals(
        "candidate:3098175849 1 udp 2122260223 192.0.2.44 50542 typ host generation 0 ufrag 4+0D"
            + " network-cost 999",
        resolved.toString());
    // A name that is not an IP literal is not resolved either.
    assertEquals(Optional.empty(), Candidate.ipLiteral("example.org"));
    assertEquals(Optional.empty(), Candidate.ipLiteral("256.1.1.1"));
  }

  @Test
  void priorityFollowsRfc8445() {
    // RFC 8445 §5.1.2.1 with the recommended preferences of §5.1.2.2.
    assertEquals(2130706431L, CandidateType.HOST.priority(65535, 1));
    assertEquals(1694498815L, CandidateType.SERVER_REFLEXIVE.priority(65535, 1));
    assertEquals(1862270975L, CandidateType.PEER_REFLEXIVE.priority(65535, 1));
    assertEquals(16777215L, CandidateType.RELAY.priority(65535, 1));
    assertEquals(2130706430L, CandidateType.HOST.priority(65535, 2));
    assertThrows(IllegalArgumentException.class, () -> CandidateType.HOST.priority(65536, 1));
  }

  @Test
  void foundationsGroupLikeCandidates() throws Exception {
    InetAddress a = InetAddress.getByName("192.0.2.1");
    InetAddress b = InetAddress.getByName("192.0.2.2");
    InetSocketAddress stun = new InetSocketAddress(InetAddress.getByName("198.51.100.1"), 3478);
    String hostA = Candidate.foundation(CandidateType.HOST, a, null, TransportProtocol.UDP);
    assertEquals(hostA, Candidate.foundation(CandidateType.HOST, a, null, TransportProtocol.UDP));
    assertNotEquals(
        hostA, Candidate.foundation(CandidateType.HOST, b, null, TransportProtocol.UDP));
    assertNotEquals(
        hostA, Candidate.foundation(CandidateType.HOST, a, null, TransportProtocol.TCP));
    assertNotEquals(
        hostA,
        Candidate.foundation(CandidateType.SERVER_REFLEXIVE, a, stun, TransportProtocol.UDP));
    Candidate c =
        Candidate.of(
            hostA,
            1,
            TransportProtocol.UDP,
            CandidateType.HOST.priority(65535, 1),
            new InetSocketAddress(a, 5000),
            CandidateType.HOST);
    assertEquals("candidate:" + hostA + " 1 udp 2130706431 192.0.2.1 5000 typ host", c.toString());
  }

  @Test
  void malformedLinesAreParseExceptions() {
    for (String bad :
        List.of(
            "",
            "candidate:",
            "candidate:1 1 udp 2122260223 127.0.0.1 52681 typ",
            "candidate:1 1 udp 2122260223 127.0.0.1 52681 type host",
            "candidate:1 1 udp 2122260223 127.0.0.1 52681 typ house",
            "candidate:1 0 udp 2122260223 127.0.0.1 52681 typ host",
            "candidate:1 257 udp 2122260223 127.0.0.1 52681 typ host",
            "candidate:1 1 udp 4294967296 127.0.0.1 52681 typ host",
            "candidate:1 1 udp -5 127.0.0.1 52681 typ host",
            "candidate:1 1 udp 1 127.0.0.1 65536 typ host",
            "candidate:1 1 udp 1 127.0.0.1 52681 typ host generation",
            "candidate:" + "x".repeat(33) + " 1 udp 1 127.0.0.1 1 typ host",
            "candidate:a_b 1 udp 1 127.0.0.1 1 typ host",
            "candidate:1 1 udp 1 127.0.0.1 1 typ srflx raddr",
            "candidate:1 1 udp 1 127.0.0.1 1 typ srflx rport x",
            "candidate:1 1 udp 1 127.0.0.1\t1 typ host")) {
      assertThrows(ParseException.class, () -> Candidate.parse(bad), bad);
    }
  }
}
