package org.rtc4j.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Time;
import org.rtc4j.testkit.LinkConfig;

/** Whole associations on the virtual network: handshakes, delivery, reliability, the end. */
class SctpAssociationTest {
  static final LinkConfig NEAR = LinkConfig.builder().delayNanos(Time.millis(5)).build();

  /** 10 % loss each way, reordering, 50 ms each way: a 100 ms round trip. */
  static final LinkConfig LOSSY =
      LinkConfig.builder()
          .delayNanos(Time.millis(50))
          .jitterNanos(Time.millis(5))
          .loss(0.10)
          .reorder(0.10)
          .build();

  @Test
  void crossedInitsMakeOneAssociation() {
    SctpPair pair = new SctpPair(1, NEAR);
    assertTrue(pair.connectBoth(Time.seconds(5)));
    assertEquals(1, count(pair.a.events, SctpEvent.Connected.class));
    assertEquals(1, count(pair.b.events, SctpEvent.Connected.class));
    assertTrue(pair.a.sctp.interleaving(), "both offer I-DATA by default");
    exchangeOneMessageEachWay(pair);
  }

  @Test
  void crossedInitsMakeOneAssociationThroughLoss() {
    LinkConfig lossy = LOSSY.toBuilder().loss(0.3).build();
    for (long seed = 1; seed <= 10; seed++) {
      SctpPair pair = new SctpPair(seed, lossy);
      assertTrue(pair.connectBoth(Time.seconds(60)), "seed " + seed);
      pair.net.runFor(Time.seconds(5));
      assertEquals(1, count(pair.a.events, SctpEvent.Connected.class), "seed " + seed);
      assertEquals(1, count(pair.b.events, SctpEvent.Connected.class), "seed " + seed);
      exchangeOneMessageEachWay(pair);
    }
  }

  @Test
  void aPassivePeerAnswersTheOtherOnesInit() {
    SctpPair pair = new SctpPair(2, NEAR);
    pair.a.sctp.connect(pair.net.now());
    assertTrue(pair.net.runUntil(pair::bothEstablished, Time.seconds(5)));
    exchangeOneMessageEachWay(pair);
  }

  @Test
  void withoutIDataPlainDataChunksCarryTheMessages() {
    SctpConfig plain = SctpConfig.builder().interleaving(false).build();
    SctpPair pair = new SctpPair(3, NEAR, SctpConfig.builder().build(), plain);
    assertTrue(pair.connectBoth(Time.seconds(5)));
    assertFalse(pair.a.sctp.interleaving());
    assertFalse(pair.b.sctp.interleaving());
    exchangeOneMessageEachWay(pair);
  }

  @Test
  void aThousandMessagesUpTo256KiBArriveWholeAndInOrderThroughLossAndReordering() {
    SctpPair pair = new SctpPair(4, LOSSY);
    assertTrue(pair.connectBoth(Time.seconds(30)));
    SplittableRandom random = new SplittableRandom(4);
    List<byte[]> sent = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      byte[] m = new byte[1 + random.nextInt(256 * 1024)];
      random.nextBytes(m);
      sent.add(m);
    }
    int[] next = {0};
    boolean done =
        pair.net.runUntil(
            () -> {
              while (next[0] < sent.size()
                  && pair.a.sctp.send(
                          1, PayloadProtocolId.BINARY, sent.get(next[0]), SendOptions.RELIABLE)
                      == SendStatus.QUEUED) {
                next[0]++;
              }
              return pair.b.messages.size() == sent.size();
            },
            Time.seconds(20_000));
    assertTrue(done, "delivered " + pair.b.messages.size() + " by t=" + pair.net.now());
    for (int i = 0; i < sent.size(); i++) {
      assertArrayEquals(sent.get(i), pair.b.messages.get(i).payload(), "message " + i);
    }
    assertEquals(0, pair.b.sctp.drops().get(SctpDrop.MALFORMED));
  }

  @Test
  void unorderedReliableMessagesAllArriveThroughLoss() {
    SctpPair pair = new SctpPair(5, LOSSY);
    assertTrue(pair.connectBoth(Time.seconds(30)));
    for (int i = 0; i < 300; i++) {
      byte[] m = ("unordered " + i).getBytes(StandardCharsets.UTF_8);
      assertEquals(
          SendStatus.QUEUED,
          pair.a.sctp.send(2, PayloadProtocolId.STRING, m, SendOptions.unorderedReliable()));
    }
    assertTrue(pair.net.runUntil(() -> pair.b.messages.size() == 300, Time.seconds(600)));
    List<String> got = new ArrayList<>();
    for (SctpEvent.MessageReceived m : pair.b.messages) {
      assertTrue(m.unordered());
      got.add(new String(m.payload(), StandardCharsets.UTF_8));
    }
    for (int i = 0; i < 300; i++) {
      assertTrue(got.contains("unordered " + i), "missing " + i);
    }
  }

  @Test
  void maxRetransmitsZeroGivesUpOnLostMessagesAndDeliversNoStaleOnes() {
    SctpPair pair = new SctpPair(6, LOSSY.toBuilder().loss(0.2).build());
    assertTrue(pair.connectBoth(Time.seconds(30)));
    SendOptions once = new SendOptions(false, 0, SendOptions.UNLIMITED);
    for (int i = 0; i < 200; i++) {
      byte[] m = new byte[3000]; // three fragments: a partial one must never be delivered
      m[0] = (byte) i;
      m[2999] = (byte) i;
      assertEquals(SendStatus.QUEUED, pair.a.sctp.send(3, PayloadProtocolId.BINARY, m, once));
    }
    byte[] last = "reliable, after".getBytes(StandardCharsets.UTF_8);
    pair.a.sctp.send(3, PayloadProtocolId.STRING, last, SendOptions.RELIABLE);
    assertTrue(
        pair.net.runUntil(
            () ->
                !pair.b.messages.isEmpty()
                    && pair.b.messages.get(pair.b.messages.size() - 1).ppid()
                        == PayloadProtocolId.STRING,
            Time.seconds(120)));
    List<SctpEvent.MessageReceived> got = pair.b.messages;
    assertTrue(got.size() < 201, "with 20 % loss some messages must have been given up");
    int previous = -1;
    for (SctpEvent.MessageReceived m : got.subList(0, got.size() - 1)) {
      assertEquals(3000, m.payload().length, "whole messages only");
      int index = m.payload()[0] & 0xFF;
      assertEquals(index, m.payload()[2999] & 0xFF);
      assertTrue(index > previous, "in order, no duplicates");
      previous = index;
    }
  }

  @Test
  void aMessageWithMaxRetransmitsTwoIsSentThreeTimesAtMost() {
    SctpConfig quiet = SctpConfig.builder().heartbeatIntervalNanos(0).build();
    SctpPair pair = new SctpPair(18, NEAR, quiet, quiet);
    assertTrue(pair.connectBoth(Time.seconds(5)));
    pair.net.link(pair.hostA, pair.hostB, LinkConfig.down());
    long before = pair.a.dataChunksSent;
    SendOptions twice = new SendOptions(false, 2, SendOptions.UNLIMITED);
    pair.a.sctp.send(5, PayloadProtocolId.BINARY, new byte[100], twice);
    pair.net.runFor(Time.seconds(120));
    assertEquals(3, pair.a.dataChunksSent - before, "the first transmission and two more");
    pair.net.link(pair.hostA, pair.hostB, NEAR);
    pair.a.sctp.send(5, PayloadProtocolId.STRING, bytes("next"), SendOptions.RELIABLE);
    assertTrue(pair.net.runUntil(() -> !pair.b.messages.isEmpty(), Time.seconds(120)));
    assertEquals(1, pair.b.messages.size(), "the abandoned message is never delivered");
    assertArrayEquals(bytes("next"), pair.b.messages.get(0).payload());
  }

  @Test
  void aReceiverThatReadsAWholeFlightBeforeWritingStillAcknowledgesEverySecondPacket() {
    SctpPair pair = new SctpPair(19, NEAR);
    assertTrue(pair.connectBoth(Time.seconds(5)));
    pair.a.sctp.send(1, PayloadProtocolId.BINARY, new byte[20_000], SendOptions.RELIABLE);
    List<byte[]> flight = new ArrayList<>();
    for (byte[] p; (p = pair.a.sctp.pollWrite()) != null; ) {
      flight.add(p);
    }
    assertTrue(flight.size() >= 4, "the initial window holds a few packets: " + flight.size());
    long now = pair.net.now();
    for (byte[] p : flight) {
      pair.b.sctp.handleRead(p, 0, p.length, now);
    }
    int sacks = 0;
    for (byte[] p; (p = pair.b.sctp.pollWrite()) != null; ) {
      sacks++;
    }
    assertEquals(flight.size() / 2, sacks, "one SACK per two packets (RFC 9260 §6.2)");
  }

  @Test
  void messagesPastTheirLifetimeAreAbandoned() {
    SctpPair pair = new SctpPair(7, LinkConfig.builder().delayNanos(Time.millis(50)).build());
    assertTrue(pair.connectBoth(Time.seconds(5)));
    // Cut the link A to B: nothing A sends arrives, so every message outlives 100 ms.
    pair.net.link(pair.hostA, pair.hostB, LinkConfig.down());
    SendOptions shortLived = new SendOptions(false, SendOptions.UNLIMITED, Time.millis(100));
    for (int i = 0; i < 20; i++) {
      pair.a.sctp.send(4, PayloadProtocolId.BINARY, new byte[500], shortLived);
    }
    pair.net.runFor(Time.seconds(2));
    pair.net.link(pair.hostA, pair.hostB, NEAR);
    byte[] fresh = "fresh".getBytes(StandardCharsets.UTF_8);
    pair.a.sctp.send(4, PayloadProtocolId.STRING, fresh, SendOptions.RELIABLE);
    assertTrue(pair.net.runUntil(() -> !pair.b.messages.isEmpty(), Time.seconds(30)));
    assertEquals(1, pair.b.messages.size(), "only the fresh message: " + pair.b.messages);
    assertArrayEquals(fresh, pair.b.messages.get(0).payload());
  }

  @Test
  void aStreamResetReachesBothSidesAndTheStreamStartsAgain() {
    SctpPair pair = new SctpPair(8, NEAR);
    assertTrue(pair.connectBoth(Time.seconds(5)));
    pair.a.sctp.send(1, PayloadProtocolId.STRING, bytes("before"), SendOptions.RELIABLE);
    pair.a.sctp.resetStreams(1);
    assertTrue(
        pair.net.runUntil(
            () ->
                pair.a.has(SctpEvent.OutgoingStreamsReset.class)
                    && pair.b.has(SctpEvent.IncomingStreamsReset.class),
            Time.seconds(5)));
    assertEquals(1, pair.b.messages.size(), "what was queued before the reset arrives first");
    // The data channel way: B resets its side of the stream too.
    pair.b.sctp.resetStreams(1);
    assertTrue(
        pair.net.runUntil(
            () ->
                pair.b.has(SctpEvent.OutgoingStreamsReset.class)
                    && pair.a.has(SctpEvent.IncomingStreamsReset.class),
            Time.seconds(5)));
    // The stream is reusable, its sequence numbers starting over on both sides.
    pair.a.sctp.send(1, PayloadProtocolId.STRING, bytes("after"), SendOptions.RELIABLE);
    assertTrue(pair.net.runUntil(() -> pair.b.messages.size() == 2, Time.seconds(5)));
    assertArrayEquals(bytes("after"), pair.b.messages.get(1).payload());
  }

  @Test
  void heartbeatsFindADeadPeerAndEndTheAssociation() {
    SctpConfig config = SctpConfig.builder().heartbeatIntervalNanos(Time.seconds(1)).build();
    SctpPair pair = new SctpPair(9, NEAR, config, config);
    assertTrue(pair.connectBoth(Time.seconds(5)));
    pair.net.runFor(Time.seconds(5));
    assertTrue(pair.bothEstablished(), "heartbeats answered keep it up");
    pair.net.link(pair.hostB, pair.hostA, LinkConfig.down());
    pair.net.link(pair.hostA, pair.hostB, LinkConfig.down());
    assertTrue(
        pair.net.runUntil(() -> pair.a.has(SctpEvent.Aborted.class), Time.seconds(600)),
        "the dead peer is noticed");
    assertEquals(SctpState.CLOSED, pair.a.sctp.state());
  }

  @Test
  void shutdownDeliversWhatWasQueuedThenClosesBothSides() {
    SctpPair pair = new SctpPair(10, LOSSY);
    assertTrue(pair.connectBoth(Time.seconds(30)));
    for (int i = 0; i < 50; i++) {
      pair.a.sctp.send(1, PayloadProtocolId.BINARY, new byte[2000], SendOptions.RELIABLE);
    }
    pair.a.sctp.shutdown(pair.net.now());
    assertEquals(
        SendStatus.NOT_CONNECTED,
        pair.a.sctp.send(1, PayloadProtocolId.BINARY, new byte[1], SendOptions.RELIABLE));
    assertTrue(
        pair.net.runUntil(
            () -> pair.a.has(SctpEvent.Closed.class) && pair.b.has(SctpEvent.Closed.class),
            Time.seconds(300)));
    assertEquals(50, pair.b.messages.size());
  }

  @Test
  void anAbortEndsBothSidesAtOnce() {
    SctpPair pair = new SctpPair(11, NEAR);
    assertTrue(pair.connectBoth(Time.seconds(5)));
    pair.a.sctp.abort("test over");
    assertTrue(pair.net.runUntil(() -> pair.b.has(SctpEvent.Aborted.class), Time.seconds(5)));
    assertEquals(SctpState.CLOSED, pair.a.sctp.state());
    assertEquals(SctpState.CLOSED, pair.b.sctp.state());
  }

  @Test
  void theSendBufferAndTheMessageSizeAreLimits() {
    SctpConfig small = SctpConfig.builder().sendBufferSize(10_000).build();
    SctpPair pair = new SctpPair(12, NEAR, small, small);
    assertEquals(
        SendStatus.NOT_CONNECTED,
        pair.a.sctp.send(0, PayloadProtocolId.BINARY, new byte[1], SendOptions.RELIABLE));
    assertTrue(pair.connectBoth(Time.seconds(5)));
    assertEquals(
        SendStatus.MESSAGE_TOO_LARGE,
        pair.a.sctp.send(
            0, PayloadProtocolId.BINARY, new byte[256 * 1024 + 1], SendOptions.RELIABLE));
    int queued = 0;
    while (pair.a.sctp.send(0, PayloadProtocolId.BINARY, new byte[1000], SendOptions.RELIABLE)
        == SendStatus.QUEUED) {
      queued++;
      assertTrue(queued < 100);
    }
    assertTrue(queued >= 5, "queued " + queued);
    assertThrows(
        IllegalArgumentException.class,
        () -> pair.a.sctp.send(0, PayloadProtocolId.BINARY, new byte[0], SendOptions.RELIABLE));
    int total = queued;
    assertTrue(pair.net.runUntil(() -> pair.b.messages.size() == total, Time.seconds(5)));
  }

  @Test
  void noPacketIsLongerThanTheMtu() {
    SctpConfig config = SctpConfig.builder().mtu(500).build();
    SctpPair pair =
        new SctpPair(
            13, LinkConfig.builder().delayNanos(Time.millis(5)).mtu(500).build(), config, config);
    assertTrue(pair.connectBoth(Time.seconds(5)));
    pair.a.sctp.send(0, PayloadProtocolId.BINARY, new byte[100_000], SendOptions.RELIABLE);
    assertTrue(pair.net.runUntil(() -> pair.b.messages.size() == 1, Time.seconds(30)));
    assertEquals(
        0, pair.net.dropCount(org.rtc4j.testkit.DropReason.MTU), "nothing cut by the link");
  }

  @Test
  void garbageIsCountedAndIgnored() {
    SctpPair pair = new SctpPair(14, NEAR);
    assertTrue(pair.connectBoth(Time.seconds(5)));
    SplittableRandom random = new SplittableRandom(14);
    for (int i = 0; i < 2000; i++) {
      byte[] junk = new byte[random.nextInt(200)];
      random.nextBytes(junk);
      pair.a.sctp.handleRead(junk, 0, junk.length, pair.net.now());
    }
    assertTrue(pair.a.sctp.drops().total() >= 2000);
    exchangeOneMessageEachWay(pair);
  }

  @Test
  void zeroChecksumsOnlyWhenBothOfferThem() {
    SctpConfig zero = SctpConfig.builder().zeroChecksum(true).build();
    SctpPair both = new SctpPair(15, NEAR, zero, zero);
    assertTrue(both.connectBoth(Time.seconds(5)));
    exchangeOneMessageEachWay(both);
    both.a.sctp.send(0, PayloadProtocolId.BINARY, new byte[10], SendOptions.RELIABLE);
    byte[] packet = both.a.sctp.pollWrite();
    assertTrue(packet != null && checksum(packet) == 0, "a data packet with a zero checksum");

    SctpPair one = new SctpPair(16, NEAR, zero, SctpConfig.builder().build());
    assertTrue(one.connectBoth(Time.seconds(5)));
    exchangeOneMessageEachWay(one);
    one.a.sctp.send(0, PayloadProtocolId.BINARY, new byte[10], SendOptions.RELIABLE);
    packet = one.a.sctp.pollWrite();
    assertTrue(packet != null && checksum(packet) != 0, "CRC32c when only one side offers");
  }

  @Test
  void thePeersMaxMessageSizeLimitsWhatIsSentAndLargerLimitsCanBeConfigured() {
    SctpConfig big = SctpConfig.builder().maxMessageSize(1 << 20).build();
    SctpPair pair = new SctpPair(17, NEAR, big, big);
    assertTrue(pair.connectBoth(Time.seconds(5)));
    byte[] mebibyte = new byte[1 << 20];
    new SplittableRandom(17).nextBytes(mebibyte);
    assertEquals(
        SendStatus.QUEUED,
        pair.a.sctp.send(1, PayloadProtocolId.BINARY, mebibyte, SendOptions.RELIABLE));
    assertTrue(pair.net.runUntil(() -> pair.b.messages.size() == 1, Time.seconds(30)));
    assertArrayEquals(mebibyte, pair.b.messages.get(0).payload());
    // The peer's SDP said a=max-message-size:65536 (RFC 8841 §6).
    pair.a.sctp.setRemoteMaxMessageSize(65536);
    assertEquals(
        SendStatus.MESSAGE_TOO_LARGE,
        pair.a.sctp.send(1, PayloadProtocolId.BINARY, new byte[65537], SendOptions.RELIABLE));
    assertEquals(
        SendStatus.QUEUED,
        pair.a.sctp.send(1, PayloadProtocolId.BINARY, new byte[65536], SendOptions.RELIABLE));
  }

  private static long checksum(byte[] packet) {
    return ((packet[8] & 0xFFL) << 24)
        | ((packet[9] & 0xFF) << 16)
        | ((packet[10] & 0xFF) << 8)
        | (packet[11] & 0xFF);
  }

  private static void exchangeOneMessageEachWay(SctpPair pair) {
    int beforeA = pair.a.messages.size();
    int beforeB = pair.b.messages.size();
    assertEquals(
        SendStatus.QUEUED,
        pair.a.sctp.send(7, PayloadProtocolId.STRING, bytes("ping"), SendOptions.RELIABLE));
    assertEquals(
        SendStatus.QUEUED,
        pair.b.sctp.send(7, PayloadProtocolId.STRING, bytes("pong"), SendOptions.RELIABLE));
    assertTrue(
        pair.net.runUntil(
            () -> pair.a.messages.size() > beforeA && pair.b.messages.size() > beforeB,
            Time.seconds(60)));
    SctpEvent.MessageReceived atB = pair.b.messages.get(beforeB);
    assertNotNull(atB);
    assertArrayEquals(bytes("ping"), atB.payload());
    assertEquals(7, atB.streamId());
    assertEquals(PayloadProtocolId.STRING, atB.ppid());
    assertArrayEquals(bytes("pong"), pair.a.messages.get(beforeA).payload());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static long count(List<SctpEvent> events, Class<?> type) {
    return events.stream().filter(type::isInstance).count();
  }
}
