package org.rtc4j.datachannel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.rtc4j.datachannel.DataChannelEvent.BinaryMessage;
import org.rtc4j.datachannel.DataChannelEvent.BufferedAmountLow;
import org.rtc4j.datachannel.DataChannelEvent.Close;
import org.rtc4j.datachannel.DataChannelEvent.Closing;
import org.rtc4j.datachannel.DataChannelEvent.Incoming;
import org.rtc4j.datachannel.DataChannelEvent.Open;
import org.rtc4j.datachannel.DataChannelEvent.TextMessage;
import org.rtc4j.datachannel.FakeAssociation.End;
import org.rtc4j.datachannel.FakeAssociation.Sent;
import org.rtc4j.datachannel.dcep.ChannelType;
import org.rtc4j.datachannel.dcep.DataChannelOpen;
import org.rtc4j.sctp.PayloadProtocolId;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.SendStatus;

/** Two sides of an association opening, using and closing data channels (RFC 8831, RFC 8832). */
class DataChannelsTest {
  private final FakeAssociation association = new FakeAssociation();
  private final End client = association.client;
  private final End server = association.server;

  @Test
  void theClientOpensAChannelAndTheServerIsToldOfIt() throws Exception {
    association.connect();
    DataChannel chat = client.channels.createDataChannel("chat");

    // The opener's channel is open once its DATA_CHANNEL_OPEN is queued (RFC 8832 §6, W3C).
    assertEquals(DataChannelState.OPEN, chat.readyState());
    assertEquals(0, chat.id());
    assertEquals(List.of(new Open(chat)), client.drainEvents());
    Sent open = client.sent.get(0);
    assertEquals(PayloadProtocolId.DCEP, open.ppid());
    assertEquals(0, open.streamId());
    assertEquals(SendOptions.RELIABLE, open.options());
    assertEquals(
        new DataChannelOpen(ChannelType.RELIABLE, 256, 0, "chat", ""),
        org.rtc4j.datachannel.dcep.DcepMessage.parse(open.payload()));

    association.deliver();

    List<DataChannelEvent> heard = server.drainEvents();
    assertEquals(2, heard.size(), heard.toString());
    DataChannel theirs = ((Incoming) heard.get(0)).channel();
    assertEquals(new Open(theirs), heard.get(1));
    assertEquals("chat", theirs.label());
    assertEquals("", theirs.protocol());
    assertEquals(0, theirs.id());
    assertTrue(theirs.ordered());
    assertFalse(theirs.negotiated());
    assertEquals(OptionalLong.empty(), theirs.maxRetransmits());
    assertEquals(OptionalLong.empty(), theirs.maxPacketLifeTime());
    assertEquals(DataChannelState.OPEN, theirs.readyState());
    // The server answered with DATA_CHANNEL_ACK on the same stream, reliably and ordered.
    Sent ack = server.sent.get(0);
    assertEquals(0, ack.streamId());
    assertEquals(PayloadProtocolId.DCEP, ack.ppid());
    assertArrayEquals(new byte[] {0x02}, ack.payload());
    assertEquals(SendOptions.RELIABLE, ack.options());
    assertEquals(0, client.channels.drops().total() + server.channels.drops().total());
  }

  @Test
  void theServerOpensOnAnOddStreamAndTheClientIsToldOfIt() {
    association.connect();
    DataChannel control = server.channels.createDataChannel("control");
    assertEquals(1, control.id());

    association.deliver();

    DataChannel theirs = incomingChannel(client);
    assertEquals(1, theirs.id());
    assertEquals("control", theirs.label());
    theirs.send("hello server");
    association.deliver();
    assertEquals(
        List.of(new Open(control), new TextMessage(control, "hello server")), server.allEvents());
  }

  @Test
  void textBinaryAndEmptyMessagesCrossInBothDirections() {
    association.connect();
    DataChannel mine = client.channels.createDataChannel("messages");
    association.deliver();
    DataChannel theirs = incomingChannel(server);
    client.drainEvents();

    mine.send("grüße");
    mine.send(new byte[] {1, 2, 3});
    mine.send("");
    mine.send(new byte[0]);
    mine.send(ByteBuffer.wrap(new byte[] {9, 8, 7, 6}, 1, 2));
    theirs.send("back");
    association.deliver();

    List<Sent> wire = client.sent.subList(1, client.sent.size());
    assertEquals(PayloadProtocolId.STRING, wire.get(0).ppid());
    assertArrayEquals("grüße".getBytes(StandardCharsets.UTF_8), wire.get(0).payload());
    assertEquals(PayloadProtocolId.BINARY, wire.get(1).ppid());
    // RFC 8831 §6.6: an empty message is one zero byte under its own PPID.
    assertEquals(PayloadProtocolId.STRING_EMPTY, wire.get(2).ppid());
    assertArrayEquals(new byte[] {0}, wire.get(2).payload());
    assertEquals(PayloadProtocolId.BINARY_EMPTY, wire.get(3).ppid());
    assertArrayEquals(new byte[] {0}, wire.get(3).payload());

    assertEquals(
        List.of(
            new TextMessage(theirs, "grüße"),
            new BinaryMessage(theirs, new byte[] {1, 2, 3}),
            new TextMessage(theirs, ""),
            new BinaryMessage(theirs, new byte[0]),
            new BinaryMessage(theirs, new byte[] {8, 7})),
        server.drainEvents());
    assertEquals(List.of(new TextMessage(mine, "back")), client.drainEvents());
  }

  @Test
  void binaryMessagesAreCopiedWhenSent() {
    association.connect();
    DataChannel mine = client.channels.createDataChannel("copy");
    byte[] data = {1, 2, 3};
    mine.send(data);
    data[0] = 42;
    association.deliver();
    DataChannel theirs = incomingChannel(server);
    assertEquals(new BinaryMessage(theirs, new byte[] {1, 2, 3}), server.drainEvents().get(0));
  }

  @Test
  void anUnorderedChannelSendsOrderedUntilThePeerHasAnswered() {
    association.connect();
    DataChannel fast =
        client.channels.createDataChannel(
            "fast", DataChannelInit.builder().ordered(false).maxRetransmits(3).build());

    fast.send("before the ack");
    // RFC 8832 §6: nothing may overtake the DATA_CHANNEL_OPEN.
    assertEquals(new SendOptions(false, 3, SendOptions.UNLIMITED), last(client).options());

    association.deliver();
    fast.send("after the ack");
    assertEquals(new SendOptions(true, 3, SendOptions.UNLIMITED), last(client).options());

    DataChannel theirs = incomingChannel(server);
    assertFalse(theirs.ordered());
    assertEquals(OptionalLong.of(3), theirs.maxRetransmits());
    // The side that acknowledged has heard the OPEN, so it may send unordered at once.
    theirs.send("reply");
    assertEquals(new SendOptions(true, 3, SendOptions.UNLIMITED), last(server).options());
  }

  @Test
  void anyMessageFromThePeerAnswersTheOpenLikeAnAck() {
    association.connect();
    DataChannel fast =
        client.channels.createDataChannel("fast", DataChannelInit.builder().ordered(false).build());
    // The peer's message arrives before (instead of) the ACK: older stacks send no ACK.
    client.channels.handleMessage(
        0, PayloadProtocolId.STRING, "hi".getBytes(StandardCharsets.UTF_8));
    fast.send("now unordered");
    assertTrue(last(client).options().unordered());
  }

  @Test
  void aTimedChannelsLifetimeGoesToTheAssociationInNanoseconds() {
    association.connect();
    DataChannel timed =
        client.channels.createDataChannel(
            "timed", DataChannelInit.builder().maxPacketLifeTime(150).build());
    assertEquals(OptionalLong.of(150), timed.maxPacketLifeTime());
    assertEquals(OptionalLong.empty(), timed.maxRetransmits());
    association.deliver();
    timed.send("x");
    assertEquals(
        new SendOptions(false, SendOptions.UNLIMITED, 150_000_000L), last(client).options());

    DataChannel theirs = incomingChannel(server);
    assertEquals(OptionalLong.of(150), theirs.maxPacketLifeTime());
    theirs.send("y");
    assertEquals(
        new SendOptions(false, SendOptions.UNLIMITED, 150_000_000L), last(server).options());
  }

  @Test
  void aNegotiatedChannelOpensOnBothSidesWithoutAWord() {
    DataChannelInit agreed = DataChannelInit.builder().negotiated(7).protocol("chat-v1").build();
    DataChannel atClient = client.channels.createDataChannel("agreed", agreed);
    DataChannel atServer = server.channels.createDataChannel("agreed", agreed);
    assertEquals(DataChannelState.CONNECTING, atClient.readyState());
    assertEquals(7, atClient.id());

    association.connect();

    assertEquals(List.of(new Open(atClient)), client.drainEvents());
    assertEquals(List.of(new Open(atServer)), server.drainEvents());
    assertTrue(client.sent.isEmpty() && server.sent.isEmpty(), "no DCEP for negotiated channels");
    atClient.send("over");
    atServer.send("and out");
    association.deliver();
    assertEquals(List.of(new TextMessage(atServer, "over")), server.drainEvents());
    assertEquals(List.of(new TextMessage(atClient, "and out")), client.drainEvents());
    assertTrue(atClient.negotiated());
    assertEquals("chat-v1", atServer.protocol());
  }

  @Test
  void aNegotiatedChannelCreatedAfterConnectingOpensAtOnce() {
    association.connect();
    DataChannel late =
        client.channels.createDataChannel("late", DataChannelInit.builder().negotiated(4).build());
    assertEquals(DataChannelState.OPEN, late.readyState());
    assertEquals(List.of(new Open(late)), client.drainEvents());
    assertTrue(client.sent.isEmpty());
  }

  @Test
  void theDtlsRolesKeepTheTwoSidesIdsApartSoTheyNeverCollide() {
    association.connect();
    List<DataChannel> ours = new ArrayList<>();
    List<DataChannel> theirs = new ArrayList<>();
    // Both sides open channels at the same moment, before either hears of the other's.
    for (int i = 0; i < 3; i++) {
      ours.add(client.channels.createDataChannel("client-" + i));
      theirs.add(server.channels.createDataChannel("server-" + i));
    }
    assertEquals(List.of(0, 2, 4), ours.stream().map(DataChannel::id).toList());
    assertEquals(List.of(1, 3, 5), theirs.stream().map(DataChannel::id).toList());

    association.deliver();

    assertEquals(6, client.channels.channels().size());
    assertEquals(6, server.channels.channels().size());
    for (int id = 0; id < 6; id++) {
      String label = (id % 2 == 0 ? "client-" : "server-") + id / 2;
      assertEquals(label, client.channels.channel(id).orElseThrow().label());
      assertEquals(label, server.channels.channel(id).orElseThrow().label());
    }
    assertEquals(0, client.channels.drops().total() + server.channels.drops().total());
  }

  @Test
  void aHundredChannelsOpenAndCloseAtTheSameTime() {
    association.connect();
    List<DataChannel> ours = new ArrayList<>();
    List<DataChannel> theirs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ours.add(client.channels.createDataChannel("c" + i));
      theirs.add(server.channels.createDataChannel("s" + i));
    }
    association.deliver();
    assertEquals(100, client.channels.channels().size());
    assertEquals(100, server.channels.channels().size());
    for (DataChannel channel : client.channels.channels()) {
      assertEquals(DataChannelState.OPEN, channel.readyState());
      channel.send("bye from " + channel.id());
    }

    // Each side closes half of its own channels and half of the peer's, all at once.
    for (DataChannel channel : client.channels.channels()) {
      if (channel.id() % 4 < 2) {
        channel.close();
      }
    }
    for (DataChannel channel : server.channels.channels()) {
      if (channel.id() % 4 >= 2) {
        channel.close();
      }
    }
    association.deliver();

    assertTrue(client.channels.channels().isEmpty());
    assertTrue(server.channels.channels().isEmpty());
    for (End end : List.of(client, server)) {
      List<DataChannelEvent> events = end.allEvents();
      long closes = events.stream().filter(e -> e instanceof Close).count();
      assertEquals(100, closes);
      for (DataChannelEvent e : events) {
        assertEquals(DataChannelState.CLOSED, e.channel().readyState());
      }
    }
    // A "bye" on a channel the client closed arrived before the reset; on a channel the server
    // had already started closing, it was discarded, as W3C says.
    long byes = server.allEvents().stream().filter(e -> e instanceof TextMessage).count();
    assertEquals(50, byes);
    assertEquals(50, server.channels.drops().get(DataChannels.Drop.NOT_OPEN));
    // The ids are free again.
    assertEquals(0, client.channels.createDataChannel("again").id());
    assertEquals(1, server.channels.createDataChannel("again").id());
  }

  @Test
  void closingFromTheOpenerDeliversWhatWasSentThenClosesBothSides() {
    association.connect();
    DataChannel mine = client.channels.createDataChannel("talk");
    association.deliver();
    DataChannel theirs = incomingChannel(server);
    client.drainEvents();

    mine.send("last words");
    mine.close();
    // W3C: close() raises no closing event on its own side.
    assertEquals(DataChannelState.CLOSING, mine.readyState());
    assertTrue(client.drainEvents().isEmpty());
    assertThrows(IllegalStateException.class, () -> mine.send("too late"));
    assertTrue(client.askedToReset(0));

    association.deliver();

    assertEquals(
        List.of(new TextMessage(theirs, "last words"), new Closing(theirs), new Close(theirs)),
        server.drainEvents());
    assertTrue(server.askedToReset(0), "RFC 8831 §6.7: the peer resets its own stream too");
    assertEquals(List.of(new Close(mine)), client.drainEvents());
    assertEquals(DataChannelState.CLOSED, mine.readyState());
    assertEquals(DataChannelState.CLOSED, theirs.readyState());
    assertEquals(0, mine.bufferedAmount());
    assertTrue(client.channels.channel(0).isEmpty());
    assertTrue(server.channels.channel(0).isEmpty());
    mine.close(); // closing a closed channel does nothing
    assertTrue(client.drainEvents().isEmpty());
  }

  @Test
  void closingFromTheAcceptingSideClosesBothSidesToo() {
    association.connect();
    DataChannel mine = client.channels.createDataChannel("talk");
    association.deliver();
    DataChannel theirs = incomingChannel(server);
    client.drainEvents();

    theirs.close();
    association.deliver();

    assertEquals(List.of(new Closing(mine), new Close(mine)), client.drainEvents());
    assertEquals(List.of(new Close(theirs)), server.drainEvents());
    assertEquals(DataChannelState.CLOSED, mine.readyState());
    assertEquals(DataChannelState.CLOSED, theirs.readyState());
    // The client's even id 0 is free again; a new channel takes it.
    assertEquals(0, client.channels.createDataChannel("next").id());
  }

  @Test
  void bothSidesClosingAtOnceStillEndsClosed() {
    association.connect();
    DataChannel mine = client.channels.createDataChannel("talk");
    association.deliver();
    DataChannel theirs = incomingChannel(server);
    client.drainEvents();

    mine.close();
    theirs.close();
    association.deliver();

    assertEquals(List.of(new Close(mine)), client.drainEvents());
    assertEquals(List.of(new Close(theirs)), server.drainEvents());
    assertEquals(1, client.resets.size(), "each side resets its stream once");
    assertEquals(1, server.resets.size());
  }

  @Test
  void messagesThatArriveWhileClosingAreDiscardedAsW3cSays() {
    association.connect();
    DataChannel mine = client.channels.createDataChannel("talk");
    association.deliver();
    DataChannel theirs = incomingChannel(server);
    client.drainEvents();

    theirs.send("in flight");
    mine.close();
    association.deliver();

    assertEquals(List.of(new Close(mine)), client.drainEvents());
    assertEquals(1, client.channels.drops().get(DataChannels.Drop.NOT_OPEN));
  }

  @Test
  void theBufferedAmountFallsAsMessagesGoOutAndTellsWhenItIsLow() {
    association.connect();
    client.reportBufferedAmountLow = true;
    DataChannel bulk = client.channels.createDataChannel("bulk");
    bulk.setBufferedAmountLowThreshold(150);
    assertEquals(150, client.thresholds.get(0));
    client.drainEvents();

    bulk.send(new byte[100]);
    bulk.send(new byte[100]);
    bulk.send(new byte[100]);
    // The DATA_CHANNEL_OPEN is sent on the stream too.
    long open = client.sent.get(0).payload().length;
    assertEquals(300 + open, bulk.bufferedAmount());

    association.deliver();

    assertEquals(0, bulk.bufferedAmount());
    assertEquals(List.of(new BufferedAmountLow(bulk)), client.drainEvents());
    assertEquals(150, bulk.bufferedAmountLowThreshold());
    assertThrows(IllegalArgumentException.class, () -> bulk.setBufferedAmountLowThreshold(-1));
  }

  @Test
  void aThresholdSetBeforeConnectingReachesTheAssociationWhenTheChannelOpens() {
    DataChannel early = client.channels.createDataChannel("early");
    early.setBufferedAmountLowThreshold(64);
    assertEquals(0, early.bufferedAmount());
    assertTrue(client.thresholds.isEmpty(), "no stream is in use before connecting");
    association.connect();
    assertEquals(64, client.thresholds.get(early.id()));
  }

  @Test
  void aChannelCreatedBeforeConnectingOpensWhenTheAssociationDoes() {
    DataChannel early = client.channels.createDataChannel("early");
    assertEquals(DataChannelState.CONNECTING, early.readyState());
    assertEquals(0, early.id(), "the DTLS role is known, so the id is too");
    assertThrows(IllegalStateException.class, () -> early.send("not yet"));
    assertTrue(client.sent.isEmpty());
    assertTrue(client.drainEvents().isEmpty());

    association.connect();

    assertEquals(DataChannelState.OPEN, early.readyState());
    assertEquals(List.of(new Open(early)), client.drainEvents());
    early.send("now");
    association.deliver();
    DataChannel theirs = incomingChannel(server);
    assertEquals(new TextMessage(theirs, "now"), server.drainEvents().get(0));
  }

  @Test
  void aChannelClosedBeforeConnectingClosesAtOnceAndNothingIsSent() {
    DataChannel early = client.channels.createDataChannel("never");
    early.close();
    assertEquals(DataChannelState.CLOSED, early.readyState());
    assertEquals(List.of(new Close(early)), client.drainEvents());
    association.connect();
    assertTrue(client.sent.isEmpty());
    assertTrue(client.resets.isEmpty());
    assertEquals(0, client.channels.createDataChannel("reuses").id());
  }

  @Test
  void sendingOnAChannelThatIsNotOpenIsAnInvalidStateError() {
    association.connect();
    DataChannel channel = client.channels.createDataChannel("c");
    channel.close();
    assertThrows(IllegalStateException.class, () -> channel.send("x"));
    assertThrows(IllegalStateException.class, () -> channel.send(new byte[1]));
    assertThrows(IllegalStateException.class, () -> channel.send(ByteBuffer.allocate(1)));
  }

  @Test
  void aMessageTheAssociationRefusesIsAnOperationErrorAndIsNotLost() {
    association.connect();
    DataChannel channel = client.channels.createDataChannel("c");
    int sentBefore = client.sent.size();

    client.maxMessageSize = 10;
    SendRefusedException tooLarge =
        assertThrows(SendRefusedException.class, () -> channel.send(new byte[11]));
    assertEquals(SendStatus.MESSAGE_TOO_LARGE, tooLarge.status());

    client.maxBuffered = 20;
    channel.send(new byte[5]);
    SendRefusedException full =
        assertThrows(SendRefusedException.class, () -> channel.send("0123456789"));
    assertEquals(SendStatus.BUFFER_FULL, full.status());
    assertTrue(full.getMessage().contains("BUFFER_FULL"), full.getMessage());
    assertTrue(full instanceof DataChannelException);

    assertEquals(sentBefore + 1, client.sent.size(), "only the message that fitted went out");
    assertEquals(DataChannelState.OPEN, channel.readyState(), "a refusal does not close");
  }

  @Test
  void anOpenTheAssociationRefusesEndsTheChannelWithAnError() {
    association.connect();
    client.refuseWith = SendStatus.BUFFER_FULL;
    DataChannel doomed = client.channels.createDataChannel("doomed");

    assertEquals(DataChannelState.CLOSED, doomed.readyState());
    List<DataChannelEvent> events = client.drainEvents();
    assertEquals(2, events.size());
    assertTrue(
        events.get(0) instanceof DataChannelEvent.Error error
            && error.reason().contains("BUFFER_FULL"));
    assertEquals(new Close(doomed), events.get(1));

    client.refuseWith = null;
    assertEquals(0, client.channels.createDataChannel("next").id(), "the id was freed");
  }

  @Test
  void theAssociationGoingAwayClosesEveryChannel() {
    DataChannel early = client.channels.createDataChannel("early");
    association.connect();
    DataChannel open = client.channels.createDataChannel("open");
    DataChannel closing = client.channels.createDataChannel("closing");
    open.send(new byte[40]);
    closing.close();
    client.drainEvents();
    long buffered = open.bufferedAmount();
    assertTrue(buffered > 40);

    client.channels.handleClosed();

    assertEquals(
        List.of(new Close(early), new Close(open), new Close(closing)), client.drainEvents());
    assertTrue(client.channels.channels().isEmpty());
    assertFalse(client.channels.connected());
    // W3C: bufferedAmount does not fall to zero when the channel closes.
    assertEquals(buffered, open.bufferedAmount());
    assertThrows(IllegalStateException.class, () -> client.channels.createDataChannel("no"));
    client.channels.handleConnected();
    client.channels.handleClosed();
    assertFalse(client.channels.connected());
    assertNull(client.channels.pollEvent());
  }

  @Test
  void createDataChannelValidatesAsW3cDoes() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DataChannelInit.builder().maxRetransmits(1).maxPacketLifeTime(1).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DataChannelInit.builder().negotiated(true, null).build());
    assertThrows(
        IllegalArgumentException.class, () -> DataChannelInit.builder().negotiated(65535).build());
    assertThrows(
        IllegalArgumentException.class, () -> DataChannelInit.builder().negotiated(-1).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DataChannelInit.builder().maxRetransmits(65536).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DataChannelInit.builder().maxPacketLifeTime(-1).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DataChannelInit.builder().protocol("p".repeat(65536)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> client.channels.createDataChannel("€".repeat(21846))); // 65538 bytes
    // The longest label and protocol there can be are fine.
    client.channels.createDataChannel(
        "l".repeat(65535), DataChannelInit.builder().protocol("p".repeat(65535)).build());
    // W3C ignores the id of a channel that is not negotiated.
    assertNull(DataChannelInit.builder().negotiated(false, 9).build().id());
    assertEquals(new DataChannelInit(true, null, null, "", false, null), DataChannelInit.DEFAULT);
    assertTrue(DataChannelInit.DEFAULT.reliable());
  }

  @Test
  void aNegotiatedIdAlreadyInUseIsAnOperationError() {
    DataChannel first = client.channels.createDataChannel("first");
    assertEquals(0, first.id());
    assertThrows(
        DataChannelException.class,
        () ->
            client.channels.createDataChannel(
                "clash", DataChannelInit.builder().negotiated(0).build()));
    // In-band channels step around negotiated ids.
    client.channels.createDataChannel("n", DataChannelInit.builder().negotiated(2).build());
    assertEquals(4, client.channels.createDataChannel("next").id());
  }

  @Test
  void noMoreChannelsThanTheLimitCanBeCreated() {
    FakeAssociation small =
        new FakeAssociation(new DataChannelLimits(2, 100, 1000), DataChannelLimits.DEFAULT);
    small.client.channels.createDataChannel("a");
    small.client.channels.createDataChannel("b");
    assertThrows(DataChannelException.class, () -> small.client.channels.createDataChannel("c"));
  }

  @Test
  void whenEveryIdOfOurParityIsTakenCreatingIsAnOperationError() {
    for (int i = 0; i < 32767; i++) {
      server.channels.createDataChannel("s");
    }
    assertEquals(32767, server.channels.channels().size(), "the server has the odd ids 1 to 65533");
    assertThrows(DataChannelException.class, () -> server.channels.createDataChannel("one more"));
    // Even ids can still be negotiated.
    server.channels.createDataChannel("even", DataChannelInit.builder().negotiated(65534).build());
  }

  @Test
  void unpairedSurrogatesInLabelsAndMessagesTravelAsReplacementCharacters() {
    association.connect();
    DataChannel mine = client.channels.createDataChannel("bad\uD800label");
    assertEquals("bad\uFFFDlabel", mine.label());
    mine.send("\uDC00");
    association.deliver();
    DataChannel theirs = incomingChannel(server);
    assertEquals("bad\uFFFDlabel", theirs.label());
    assertEquals(new TextMessage(theirs, "\uFFFD"), server.drainEvents().get(0));
  }

  /** The channel the peer opened, announced by the next two events: Incoming, then Open. */
  private static DataChannel incomingChannel(End end) {
    DataChannelEvent first = end.nextEvent();
    assertTrue(first instanceof Incoming, String.valueOf(first));
    DataChannel channel = first.channel();
    assertEquals(new Open(channel), end.nextEvent());
    return channel;
  }

  private static Sent last(End end) {
    return end.sent.get(end.sent.size() - 1);
  }
}
