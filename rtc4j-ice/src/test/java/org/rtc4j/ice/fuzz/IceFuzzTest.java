package org.rtc4j.ice.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.common.TransportProtocol;
import org.rtc4j.ice.Candidate;
import org.rtc4j.ice.CandidateType;
import org.rtc4j.ice.IceAgent;
import org.rtc4j.ice.IceAgentConfig;
import org.rtc4j.ice.IceCredentials;
import org.rtc4j.ice.MdnsMessage;

/**
 * Jazzer fuzz targets for what ICE reads from the network and from signalling: candidate lines,
 * inbound datagrams at an agent (STUN checks, responses, mDNS), and mDNS messages. Without {@code
 * JAZZER_FUZZ} they run as ordinary tests over the seeds in {@code IceFuzzTestInputs/}.
 *
 * <p>To fuzz for real: {@code JAZZER_FUZZ=1 ./mvnw -pl rtc4j-ice test
 * -Dtest=IceFuzzTest#agentHandleRead} (or {@code candidateParse}, {@code mdnsParse}).
 */
class IceFuzzTest {
  /** The agent's fixed credentials, so that seeds can carry valid MESSAGE-INTEGRITY. */
  static final IceCredentials LOCAL = new IceCredentials("fuzzA", "fuzzApasswordfuzzApassw");

  static final IceCredentials REMOTE = new IceCredentials("fuzzB", "fuzzBpasswordfuzzBpassw");
  static final InetSocketAddress HERE = new InetSocketAddress("192.0.2.1", 5000);
  static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.2", 6000);

  /** Parses arbitrary text as a candidate; a candidate that parses prints and parses the same. */
  @FuzzTest
  void candidateParse(byte[] data) {
    String line = new String(data, StandardCharsets.UTF_8);
    try {
      Candidate c = Candidate.parse(line);
      assertEquals(c, Candidate.parse(c.toString()), "print and parse again");
      c.socketAddress();
      c.relatedSocketAddress();
      c.transportProtocol();
    } catch (ParseException expected) {
      // the only way to refuse a line
    }
  }

  /**
   * Hands arbitrary bytes to an agent that is checking, as if from its peer and then to the mDNS
   * group, and runs its timers for a minute. Nothing may throw, and the agent keeps working.
   */
  @FuzzTest
  void agentHandleRead(byte[] data) {
    IceAgent agent =
        new IceAgent(
            IceAgentConfig.builder().controlling(true).credentials(LOCAL).build(),
            RandomSource.seeded(1));
    agent.setRemoteCredentials(REMOTE, 0);
    agent.addLocalAddress(HERE, 0);
    agent.addRemoteCandidate(
        Candidate.of("1", 1, TransportProtocol.UDP, 2122260223L, PEER, CandidateType.HOST), 0);
    agent.handleTimeout(0);
    drain(agent);
    agent.handleRead(Datagram.udp(data, HERE, PEER), 1);
    agent.handleRead(Datagram.udp(data, new InetSocketAddress("224.0.0.251", 5353), PEER), 2);
    long now = 2;
    for (int i = 0; i < 10_000 && agent.pollTimeout() <= Time.seconds(60); i++) {
      drain(agent);
      now = Math.max(now, agent.pollTimeout());
      agent.handleTimeout(now);
    }
    drain(agent);
    assertTrue(agent.pairs().size() <= 100, "the check list stays bounded");
  }

  /** Parses arbitrary bytes as mDNS; a message that parses encodes and parses the same. */
  @FuzzTest
  void mdnsParse(byte[] data) {
    try {
      MdnsMessage m = MdnsMessage.parse(data, 0, data.length);
      byte[] again;
      try {
        again = m.encode();
      } catch (IllegalArgumentException unencodable) {
        return; // a name with an empty or over-long label parses but cannot be written
      }
      assertEquals(m, MdnsMessage.parse(again, 0, again.length));
    } catch (ParseException expected) {
      // the only way to refuse a message
    }
  }

  private static void drain(IceAgent agent) {
    for (int i = 0; i < 1000 && agent.pollWrite() != null; i++) {
      // sent into the void
    }
    for (int i = 0; i < 1000 && agent.pollEvent() != null; i++) {
      // nobody listens
    }
  }
}
