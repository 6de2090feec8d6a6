package org.rtc4j.datachannel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.rtc4j.datachannel.DataChannelEvent.Close;
import org.rtc4j.datachannel.DataChannelEvent.Incoming;
import org.rtc4j.datachannel.DataChannelEvent.Open;
import org.rtc4j.datachannel.DataChannelEvent.TextMessage;
import org.rtc4j.datachannel.DataChannels.Drop;
import org.rtc4j.datachannel.FakeAssociation.End;
import org.rtc4j.datachannel.dcep.ChannelType;
import org.rtc4j.datachannel.dcep.DataChannelOpen;
import org.rtc4j.sctp.PayloadProtocolId;

/**
 * What a peer that breaks RFC 8832's rules, or floods us, can and cannot do to the client's data
 * channels. The peer's messages are handed straight to the client, as its association would.
 */
class DataChannelsPeerTest {
  private final FakeAssociation association =
      new FakeAssociation(new DataChannelLimits(4, 8, 1000), DataChannelLimits.DEFAULT);
  private final End client = association.client;
  private final DataChannels channels = client.channels;

  DataChannelsPeerTest() {
    association.connect();
  }

  private static byte[] open(String label) {
    return new DataChannelOpen(ChannelType.RELIABLE, 256, 0, label, "").toBytes();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anOpenOnAStreamIdOfOurParityIsRefusedByResettingTheStream() {
    // The server must choose odd ids; 2 is the client's.
    channels.handleMessage(2, PayloadProtocolId.DCEP, open("wrong parity"));

    assertEquals(1, channels.drops().get(Drop.OPEN_REFUSED));
    assertTrue(channels.channels().isEmpty());
    assertTrue(client.drainEvents().isEmpty());
    assertTrue(client.sent.isEmpty(), "no DATA_CHANNEL_ACK");
    assertTrue(client.askedToReset(2));

    // Until the peer has reset its side too, id 2 stays taken.
    assertEquals(0, channels.createDataChannel("a").id());
    assertEquals(4, channels.createDataChannel("b").id());
    client.completeReset(2);
    channels.handleIncomingStreamsReset(2);
    DataChannel c = channels.createDataChannel("c");
    assertEquals(2, c.id());
    assertEquals(DataChannelState.OPEN, c.readyState());
  }

  @Test
  void anOpenBeyondTheChannelLimitIsRefused() {
    for (int id = 1; id <= 19; id += 2) {
      channels.handleMessage(id, PayloadProtocolId.DCEP, open("flood " + id));
    }
    assertEquals(4, channels.channels().size());
    assertEquals(6, channels.drops().get(Drop.OPEN_OVER_LIMIT));
    for (int id = 9; id <= 19; id += 2) {
      assertTrue(client.askedToReset(id), "stream " + id);
    }
    assertEquals(4, client.sentWith(PayloadProtocolId.DCEP).size(), "four ACKs");
  }

  @Test
  void anOpenIsRefusedWhenTooManyEventsAreWaiting() {
    FakeAssociation roomy =
        new FakeAssociation(new DataChannelLimits(100, 8, 1000), DataChannelLimits.DEFAULT);
    roomy.connect();
    DataChannels unpolled = roomy.client.channels;
    // Each accepted channel queues two events; nobody polls.
    for (int id = 1; id <= 19; id += 2) {
      unpolled.handleMessage(id, PayloadProtocolId.DCEP, open("x"));
    }
    assertEquals(4, unpolled.channels().size());
    assertEquals(6, unpolled.drops().get(Drop.OPEN_OVER_LIMIT));
  }

  @Test
  void anOpenOnTheStreamOfAnExistingChannelClosesThatChannel() {
    channels.handleMessage(1, PayloadProtocolId.DCEP, open("first"));
    DataChannel first = channels.channel(1).orElseThrow();
    client.drainEvents();

    // RFC 8832 §6: an OPEN on a stream in use closes the data channel on it.
    channels.handleMessage(1, PayloadProtocolId.DCEP, open("second"));

    assertEquals(1, channels.drops().get(Drop.OPEN_REFUSED));
    List<DataChannelEvent> events = client.drainEvents();
    assertEquals(1, events.size());
    assertTrue(events.get(0) instanceof DataChannelEvent.Error error && error.channel() == first);
    assertEquals(DataChannelState.CLOSING, first.readyState());
    assertTrue(client.askedToReset(1));
    client.completeReset(1);
    channels.handleIncomingStreamsReset(1);
    assertEquals(List.of(new Close(first)), client.drainEvents());
  }

  @Test
  void malformedAndUnexpectedMessagesAreDroppedAndCounted() {
    channels.handleMessage(1, PayloadProtocolId.DCEP, new byte[] {0x03, 0x00}); // a cut-off OPEN
    channels.handleMessage(3, PayloadProtocolId.DCEP, new byte[] {0x07});
    channels.handleMessage(5, PayloadProtocolId.DCEP, new byte[0]);
    channels.handleMessage(7, PayloadProtocolId.DCEP, new byte[] {0x02}); // ACK, no channel
    channels.handleMessage(9, 52, utf8("deprecated partial string"));
    channels.handleMessage(9, 0, utf8("unspecified"));
    channels.handleMessage(11, PayloadProtocolId.STRING, utf8("nobody opened stream 11"));
    channels.handleMessage(65535, PayloadProtocolId.DCEP, open("stream 65535 is not used"));

    assertEquals(3, channels.drops().get(Drop.MALFORMED_DCEP));
    assertEquals(1, channels.drops().get(Drop.UNEXPECTED_DCEP));
    assertEquals(2, channels.drops().get(Drop.UNKNOWN_PPID));
    assertEquals(1, channels.drops().get(Drop.UNKNOWN_STREAM));
    assertEquals(1, channels.drops().get(Drop.OPEN_REFUSED));
    assertTrue(channels.channels().isEmpty());
    assertTrue(client.drainEvents().isEmpty());
    assertTrue(client.sent.isEmpty());
    // RFC 8832 §6: the malformed OPEN is refused like any other.
    assertTrue(client.askedToReset(1));
    assertFalse(client.askedToReset(3));
  }

  @Test
  void aSecondAckOrAnAckForAChannelTheyOpenedIsUnexpected() {
    DataChannel mine = channels.createDataChannel("mine");
    channels.handleMessage(mine.id(), PayloadProtocolId.DCEP, new byte[] {0x02});
    channels.handleMessage(mine.id(), PayloadProtocolId.DCEP, new byte[] {0x02});
    channels.handleMessage(1, PayloadProtocolId.DCEP, open("theirs"));
    channels.handleMessage(1, PayloadProtocolId.DCEP, new byte[] {0x02});
    assertEquals(2, channels.drops().get(Drop.UNEXPECTED_DCEP));
    assertEquals(DataChannelState.OPEN, mine.readyState());
  }

  @Test
  void aReliableChannelsReliabilityParameterIsIgnored() {
    byte[] wire =
        new DataChannelOpen(ChannelType.RELIABLE_UNORDERED, 1024, 77, "reliable", "proto")
            .toBytes();
    channels.handleMessage(1, PayloadProtocolId.DCEP, wire);
    DataChannel theirs = channels.channel(1).orElseThrow();
    assertEquals(OptionalLong.empty(), theirs.maxRetransmits());
    assertEquals(OptionalLong.empty(), theirs.maxPacketLifeTime());
    assertFalse(theirs.ordered());
    assertEquals("proto", theirs.protocol());
    List<DataChannelEvent> events = client.drainEvents();
    assertEquals(List.of(new Incoming(theirs), new Open(theirs)), events);
  }

  @Test
  void aLimitBeyondWhatW3cAllowsFromThePeerIsKeptWhole() {
    byte[] wire =
        new DataChannelOpen(ChannelType.PARTIAL_RELIABLE_TIMED, 256, 0xFFFF_FFFFL, "", "")
            .toBytes();
    channels.handleMessage(1, PayloadProtocolId.DCEP, wire);
    assertEquals(
        OptionalLong.of(0xFFFF_FFFFL), channels.channel(1).orElseThrow().maxPacketLifeTime());
  }

  @Test
  void textThatIsNotUtf8ArrivesWithReplacementCharacters() {
    channels.handleMessage(1, PayloadProtocolId.DCEP, open("t"));
    DataChannel theirs = channels.channel(1).orElseThrow();
    client.drainEvents();
    channels.handleMessage(1, PayloadProtocolId.STRING, new byte[] {'o', 'k', (byte) 0xFF});
    assertEquals(List.of(new TextMessage(theirs, "ok\uFFFD")), client.drainEvents());
  }

  @Test
  void messagesNobodyPollsCloseTheirChannelInsteadOfPilingUp() {
    channels.handleMessage(1, PayloadProtocolId.DCEP, open("firehose"));
    DataChannel firehose = channels.channel(1).orElseThrow();
    client.drainEvents();

    // 1000 bytes may wait; the first message is always taken, whatever its size.
    channels.handleMessage(1, PayloadProtocolId.BINARY, new byte[1500]);
    channels.handleMessage(1, PayloadProtocolId.BINARY, new byte[1]);

    assertEquals(1, channels.drops().get(Drop.EVENT_QUEUE_FULL));
    assertEquals(DataChannelState.CLOSING, firehose.readyState());
    List<DataChannelEvent> events = client.drainEvents();
    assertEquals(2, events.size());
    assertArrayEquals(new byte[1500], ((DataChannelEvent.BinaryMessage) events.get(0)).data());
    assertTrue(events.get(1) instanceof DataChannelEvent.Error);
    channels.handleMessage(1, PayloadProtocolId.BINARY, new byte[1]);
    assertEquals(1, channels.drops().get(Drop.NOT_OPEN));
  }

  @Test
  void polledMessagesMakeRoomForMore() {
    channels.handleMessage(1, PayloadProtocolId.DCEP, open("steady"));
    client.drainEvents();
    for (int i = 0; i < 100; i++) {
      channels.handleMessage(1, PayloadProtocolId.BINARY, new byte[600]);
      assertTrue(client.nextEvent() instanceof DataChannelEvent.BinaryMessage);
    }
    assertEquals(0, channels.drops().total());
    // With nothing polled, 8 events are the most that wait: the ninth message is refused.
    for (int i = 0; i < 9; i++) {
      channels.handleMessage(1, PayloadProtocolId.STRING_EMPTY, new byte[1]);
    }
    assertEquals(1, channels.drops().get(Drop.EVENT_QUEUE_FULL));
  }

  @Test
  void aResetOfAStreamWithoutAChannelIsAnsweredSoThePeerCanFinishClosing() {
    // The peer closes a negotiated channel that was never created here.
    channels.handleIncomingStreamsReset(6);
    assertTrue(client.askedToReset(6));
    assertEquals(0, channels.createDataChannel("a").id());
    assertEquals(2, channels.createDataChannel("b").id());
    assertEquals(4, channels.createDataChannel("c").id());
    // Id 6 is ours again once our side is reset.
    client.completeReset(6);
    DataChannel d = channels.createDataChannel("d");
    assertEquals(6, d.id());
    assertEquals(DataChannelState.OPEN, d.readyState());
    // Repeated or stray resets change nothing.
    channels.handleOutgoingStreamsReset(6, 40, -1, 70000);
    channels.handleIncomingStreamsReset(-1, 70000);
    assertEquals(4, channels.channels().size());
  }

  @Test
  void aMessageBeforeHandleConnectedConnectsFirst() {
    FakeAssociation fresh = new FakeAssociation();
    fresh.client.connected = true;
    DataChannel early = fresh.client.channels.createDataChannel("early");
    fresh.client.channels.handleMessage(1, PayloadProtocolId.DCEP, open("theirs"));
    assertTrue(fresh.client.channels.connected());
    assertEquals(DataChannelState.OPEN, early.readyState());
    assertEquals(2, fresh.client.channels.channels().size());
  }

  @Test
  void nothingArrivesAfterTheAssociationIsClosed() {
    channels.handleClosed();
    channels.handleMessage(1, PayloadProtocolId.DCEP, open("late"));
    channels.handleIncomingStreamsReset(1);
    channels.handleOutgoingStreamsReset(1);
    channels.handleBufferedAmountLow(1);
    assertTrue(channels.channels().isEmpty());
    assertTrue(client.sent.isEmpty());
    assertTrue(client.resets.isEmpty());
    assertEquals(1, channels.drops().get(Drop.NOT_OPEN));
  }
}
