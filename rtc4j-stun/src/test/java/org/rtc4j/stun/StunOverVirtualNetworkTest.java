package org.rtc4j.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.common.TransportProtocol;
import org.rtc4j.stun.attributes.ErrorCode;
import org.rtc4j.stun.attributes.Software;
import org.rtc4j.stun.attributes.UnknownAttribute;
import org.rtc4j.stun.attributes.UnknownAttributes;
import org.rtc4j.stun.attributes.XorMappedAddress;
import org.rtc4j.testkit.Host;
import org.rtc4j.testkit.LinkConfig;
import org.rtc4j.testkit.VirtualNetwork;

/** A StunClient and a StunServer talking over the virtual network. */
class StunOverVirtualNetworkTest {
  static final InetSocketAddress CLIENT = address("10.0.0.1", 40000);
  static final InetSocketAddress SERVER = address("10.0.0.2", 3478);

  final RandomSource random = RandomSource.seeded(11);
  final StunClient client = new StunClient(StunRetransmission.DEFAULT, 16);
  final StunServer server = new StunServer("rtc4j test", 64);
  final List<StunClientEvent> events = new ArrayList<>();

  VirtualNetwork network(long seed, LinkConfig link) {
    VirtualNetwork net = VirtualNetwork.seeded(seed);
    Host c = net.addHost("client", client, CLIENT.getAddress());
    Host s = net.addHost("server", server, SERVER.getAddress());
    net.linkBoth(c, s, link);
    return net;
  }

  TransactionId bind(VirtualNetwork net, StunMessage.Builder request) {
    return client.send(request.encode(), CLIENT, SERVER, TransportProtocol.UDP, net.now());
  }

  boolean drained() {
    for (StunClientEvent e; (e = client.pollEvent()) != null; ) {
      events.add(e);
    }
    return !events.isEmpty();
  }

  @Test
  void bindingLearnsTheReflexiveAddress() {
    VirtualNetwork net = network(1, LinkConfig.builder().delayNanos(Time.millis(20)).build());
    TransactionId id =
        bind(net, StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random(random)));
    assertTrue(net.runUntil(this::drained, Time.seconds(1)));
    StunClientEvent.Answered answered =
        assertInstanceOf(StunClientEvent.Answered.class, events.get(0));
    assertEquals(id, answered.transactionId());
    assertEquals(
        CLIENT, answered.response().attribute(XorMappedAddress.class).orElseThrow().address());
    assertEquals("rtc4j test", answered.response().attribute(Software.class).orElseThrow().value());
    assertEquals(Time.millis(40), answered.rttNanos());
    assertEquals(Time.millis(40), net.now());
    assertEquals(0, client.openTransactions());
  }

  @Test
  void retransmissionsGetThroughHeavyLoss() {
    // 50% loss each way: a round trip succeeds with probability 1/4, so 7 tries almost always do.
    int answered = 0;
    for (long seed = 1; seed <= 20; seed++) {
      events.clear();
      VirtualNetwork net =
          network(seed, LinkConfig.builder().delayNanos(Time.millis(10)).loss(0.5).build());
      bind(
          net,
          StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random(random))
              .fingerprint());
      assertTrue(net.runUntil(this::drained, Time.seconds(40)), "every transaction ends");
      if (events.get(0) instanceof StunClientEvent.Answered) {
        answered++;
      }
    }
    assertTrue(answered >= 18, "answered " + answered + " of 20 through 50% loss");
  }

  @Test
  void deadServerTimesOutAt39500ms() {
    VirtualNetwork net = network(2, LinkConfig.down());
    TransactionId id =
        bind(net, StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random(random)));
    assertTrue(net.runUntil(this::drained, Time.seconds(60)));
    assertEquals(new StunClientEvent.Failed(id, StunClientEvent.Reason.TIMED_OUT), events.get(0));
    assertEquals(Time.millis(39_500), net.now());
    assertEquals(7, net.linkStats(net.hosts().get(0), net.hosts().get(1)).sent());
  }

  @Test
  void unknownComprehensionRequiredAttributeGets420() {
    VirtualNetwork net = network(3, LinkConfig.ideal());
    bind(
        net,
        StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random(random))
            .add(new UnknownAttribute(0x0077, new byte[] {1, 2})));
    assertTrue(net.runUntil(this::drained, Time.seconds(1)));
    StunMessage response =
        assertInstanceOf(StunClientEvent.Answered.class, events.get(0)).response();
    assertEquals(MessageType.BINDING_ERROR, response.type());
    assertEquals(420, response.attribute(ErrorCode.class).orElseThrow().code());
    assertEquals(
        List.of(0x0077), response.attribute(UnknownAttributes.class).orElseThrow().types());
  }

  @Test
  void strayAndMalformedInputIsDroppedAndCounted() {
    byte[] garbage = {1, 2, 3};
    client.handleRead(Datagram.udp(garbage, CLIENT, SERVER), 0);
    byte[] stray =
        StunMessage.builder(MessageType.BINDING_SUCCESS, TransactionId.random(random)).encode();
    client.handleRead(Datagram.udp(stray, CLIENT, SERVER), 0);
    byte[] request =
        StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random(random)).encode();
    client.handleRead(Datagram.udp(request, CLIENT, SERVER), 0);
    assertEquals(1, client.drops().get(StunClient.Drop.MALFORMED));
    assertEquals(1, client.drops().get(StunClient.Drop.UNKNOWN_TRANSACTION));
    assertEquals(1, client.drops().get(StunClient.Drop.NOT_A_RESPONSE));
    assertNull(client.pollEvent());

    server.handleRead(Datagram.udp(garbage, SERVER, CLIENT), 0);
    server.handleRead(Datagram.udp(stray, SERVER, CLIENT), 0);
    assertEquals(2, server.drops().total());
    assertNull(server.pollWrite());
  }

  @Test
  void responseWithUnknownRequiredAttributeFailsTheTransaction() {
    TransactionId id =
        client.send(
            StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random(random)).encode(),
            CLIENT,
            SERVER,
            TransportProtocol.UDP,
            0);
    byte[] response =
        StunMessage.builder(MessageType.BINDING_SUCCESS, id)
            .add(new UnknownAttribute(0x0066, new byte[0]))
            .encode();
    client.handleRead(Datagram.udp(response, CLIENT, SERVER), 1);
    assertEquals(
        new StunClientEvent.Failed(id, StunClientEvent.Reason.UNKNOWN_ATTRIBUTES),
        client.pollEvent());
  }

  @Test
  void clientBoundsItsTransactionsAndRefusesMisuse() {
    StunClient small = new StunClient(StunRetransmission.DEFAULT, 1);
    small.send(
        StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random(random)).encode(),
        CLIENT,
        SERVER,
        TransportProtocol.UDP,
        0);
    assertThrows(
        IllegalStateException.class,
        () ->
            small.send(
                StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random(random))
                    .encode(),
                CLIENT,
                SERVER,
                TransportProtocol.UDP,
                0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            client.send(
                StunMessage.builder(MessageType.BINDING_SUCCESS, TransactionId.random(random))
                    .encode(),
                CLIENT,
                SERVER,
                TransportProtocol.UDP,
                0));
    assertThrows(
        IllegalArgumentException.class,
        () -> client.send(new byte[] {1}, CLIENT, SERVER, TransportProtocol.UDP, 0));
  }

  @Test
  void serverQueueIsBounded() {
    StunServer tiny = new StunServer(null, 2);
    for (int i = 0; i < 5; i++) {
      byte[] request =
          StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random(random)).encode();
      tiny.handleRead(Datagram.udp(request, SERVER, CLIENT), 0);
    }
    assertEquals(3, tiny.drops().get(StunServer.Drop.QUEUE_FULL));
    int sent = 0;
    while (tiny.pollWrite() != null) {
      sent++;
    }
    assertEquals(2, sent);
  }

  static InetSocketAddress address(String ip, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(ip), port);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
