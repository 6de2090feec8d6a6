package org.rtc4j.datachannel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Time;
import org.rtc4j.testkit.Host;
import org.rtc4j.testkit.LinkConfig;
import org.rtc4j.testkit.VirtualNetwork;

/** Data channels over two real SCTP associations on the virtual network. */
class DataChannelsOverSctpTest {
  static final LinkConfig NEAR = LinkConfig.builder().delayNanos(Time.millis(5)).build();
  static final LinkConfig LOSSY =
      LinkConfig.builder()
          .delayNanos(Time.millis(50))
          .jitterNanos(Time.millis(5))
          .loss(0.1)
          .reorder(0.1)
          .build();

  final VirtualNetwork net;
  final ChannelPeer client = new ChannelPeer("10.0.0.1", "10.0.0.2", true, 1);
  final ChannelPeer server = new ChannelPeer("10.0.0.2", "10.0.0.1", false, 2);

  DataChannelsOverSctpTest() {
    net = VirtualNetwork.seeded(7);
    Host c = net.addHost("client", client, client.local.getAddress());
    Host s = net.addHost("server", server, server.local.getAddress());
    net.linkBoth(c, s, NEAR);
  }

  void connect() {
    client.sctp.connect(net.now());
    server.sctp.connect(net.now());
    assertTrue(
        net.runUntil(
            () -> client.channels.connected() && server.channels.connected(), Time.seconds(10)));
  }

  @Test
  void aChannelOpenedEarlyOpensOnConnectAndCarriesTextBinaryAndEmptyMessagesBothWays() {
    DataChannel chat = client.channels.createDataChannel("chat");
    assertEquals(DataChannelState.CONNECTING, chat.readyState());
    assertEquals(0, chat.id() % 2, "the DTLS client takes even ids");
    connect();
    assertTrue(net.runUntil(() -> server.count(DataChannelEvent.Open.class) == 1, Time.seconds(5)));
    DataChannel remote = server.channels.channel(chat.id()).orElseThrow();
    assertEquals("chat", remote.label());
    chat.send("hello");
    chat.send(new byte[] {1, 2, 3});
    chat.send("");
    remote.send("hi back");
    assertTrue(
        net.runUntil(
            () -> messages(server).size() == 3 && messages(client).size() == 1, Time.seconds(5)));
    assertEquals("hello", ((DataChannelEvent.TextMessage) messages(server).get(0)).text());
    assertArrayEquals(
        new byte[] {1, 2, 3}, ((DataChannelEvent.BinaryMessage) messages(server).get(1)).data());
    assertEquals("", ((DataChannelEvent.TextMessage) messages(server).get(2)).text());
    assertEquals("hi back", ((DataChannelEvent.TextMessage) messages(client).get(0)).text());
  }

  @Test
  void aHundredChannelsOpenAndCloseConcurrentlyFromBothSides() {
    connect();
    List<DataChannel> mine = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      mine.add(client.channels.createDataChannel("c" + i));
      mine.add(server.channels.createDataChannel("s" + i));
    }
    assertTrue(
        net.runUntil(
            () ->
                client.count(DataChannelEvent.Incoming.class) == 50
                    && server.count(DataChannelEvent.Incoming.class) == 50,
            Time.seconds(10)));
    for (DataChannel channel : mine) {
      channel.send("on " + channel.label());
    }
    assertTrue(
        net.runUntil(
            () -> messages(client).size() == 50 && messages(server).size() == 50,
            Time.seconds(10)));
    for (DataChannel channel : mine) {
      channel.close();
    }
    assertTrue(
        net.runUntil(
            () ->
                client.count(DataChannelEvent.Close.class) == 100
                    && server.count(DataChannelEvent.Close.class) == 100,
            Time.seconds(30)),
        "closes: client "
            + client.count(DataChannelEvent.Close.class)
            + ", server "
            + server.count(DataChannelEvent.Close.class));
    for (DataChannel channel : client.channels.channels()) {
      assertEquals(DataChannelState.CLOSED, channel.readyState());
    }
    // Closed ids are free again: a new channel takes the lowest even one.
    assertEquals(0, client.channels.createDataChannel("again").id());
  }

  @Test
  void closingFromEitherSideClosesBothAndWhatWasSentFirstArrives() {
    connect();
    DataChannel a = client.channels.createDataChannel("a");
    DataChannel b = client.channels.createDataChannel("b");
    assertTrue(net.runUntil(() -> server.count(DataChannelEvent.Open.class) == 2, Time.seconds(5)));
    a.send("last words");
    a.close();
    server.channels.channel(b.id()).orElseThrow().close();
    assertTrue(
        net.runUntil(
            () ->
                client.count(DataChannelEvent.Close.class) == 2
                    && server.count(DataChannelEvent.Close.class) == 2,
            Time.seconds(10)));
    assertEquals("last words", ((DataChannelEvent.TextMessage) messages(server).get(0)).text());
    assertEquals(DataChannelState.CLOSED, a.readyState());
    assertEquals(DataChannelState.CLOSED, b.readyState());
  }

  @Test
  void reliableAndPartiallyReliableChannelsThroughLoss() {
    net.linkBoth(net.hosts().get(0), net.hosts().get(1), LOSSY);
    connect();
    DataChannel reliable = client.channels.createDataChannel("reliable");
    DataChannel lossy =
        client.channels.createDataChannel(
            "lossy", DataChannelInit.builder().ordered(false).maxRetransmits(0).build());
    assertTrue(
        net.runUntil(() -> server.count(DataChannelEvent.Open.class) == 2, Time.seconds(30)));
    for (int i = 0; i < 200; i++) {
      reliable.send("r" + i);
      lossy.send("l" + i);
    }
    assertTrue(
        net.runUntil(
            () ->
                messages(server).stream()
                        .filter(m -> m.channel().label().equals("reliable"))
                        .count()
                    == 200,
            Time.seconds(300)));
    net.runFor(Time.seconds(30));
    List<String> inOrder = new ArrayList<>();
    java.util.Set<String> lossyTexts = new java.util.HashSet<>();
    long lossyCount = 0;
    for (DataChannelEvent e : messages(server)) {
      DataChannelEvent.TextMessage m = (DataChannelEvent.TextMessage) e;
      if (m.channel().label().equals("reliable")) {
        inOrder.add(m.text());
      } else {
        lossyCount++;
        lossyTexts.add(m.text());
      }
    }
    for (int i = 0; i < 200; i++) {
      assertEquals("r" + i, inOrder.get(i));
    }
    // maxRetransmits 0: what the link lost stays lost (the tiny messages share packets, so a lost
    // packet loses dozens; with this seed about two thirds), and nothing arrives twice.
    assertTrue(lossyCount > 0 && lossyCount < 200, "lossy messages delivered: " + lossyCount);
    assertEquals(lossyCount, lossyTexts.size(), "no duplicates");
  }

  @Test
  void aNegotiatedChannelNeedsNoHandshake() {
    DataChannelInit init = DataChannelInit.builder().negotiated(5).build();
    DataChannel here = client.channels.createDataChannel("pre", init);
    DataChannel there = server.channels.createDataChannel("pre", init);
    connect();
    assertEquals(DataChannelState.OPEN, here.readyState());
    assertEquals(DataChannelState.OPEN, there.readyState());
    here.send("no DCEP needed");
    assertTrue(net.runUntil(() -> messages(server).size() == 1, Time.seconds(5)));
    assertEquals(0, server.count(DataChannelEvent.Incoming.class));
  }

  private static List<DataChannelEvent> messages(ChannelPeer peer) {
    return peer.events.stream()
        .filter(
            e ->
                e instanceof DataChannelEvent.TextMessage
                    || e instanceof DataChannelEvent.BinaryMessage)
        .toList();
  }
}
