package org.rtc4j.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtc4j.nio.NioRuntimeTest.LOOPBACK;
import static org.rtc4j.nio.NioRuntimeTest.assertBindable;
import static org.rtc4j.nio.NioRuntimeTest.await;
import static org.rtc4j.nio.NioRuntimeTest.awaitOnLoop;
import static org.rtc4j.nio.NioRuntimeTest.freePort;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.RandomSource;
import org.rtc4j.stun.MessageType;
import org.rtc4j.stun.StunMessage;
import org.rtc4j.stun.TransactionId;
import org.rtc4j.stun.attributes.Username;

/** Many endpoints on one port: the runtime routes by ICE ufrag, then by remote address. */
class SharedPortTest {
  final RandomSource random = RandomSource.seeded(0x5AED);
  final List<AutoCloseable> toClose = new ArrayList<>();
  int port;
  NioRuntime runtime;
  InetSocketAddress shared;

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  void startShared(int maxRoutes) throws Exception {
    port = freePort();
    runtime =
        NioRuntime.start(
            NioRuntimeTest.loopback().sharedPort(port).maxSharedRoutes(maxRoutes).build());
    toClose.add(runtime);
    shared = new InetSocketAddress(LOOPBACK, port);
  }

  UdpClient client() {
    UdpClient c = new UdpClient();
    toClose.add(c);
    return c;
  }

  /** A Binding request as a peer's ICE agent sends it: USERNAME is "theirs:ours". */
  byte[] check(String receiverUfrag, String senderUfrag) {
    return StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random(random))
        .add(new Username(receiverUfrag + ":" + senderUfrag))
        .fingerprint()
        .encode();
  }

  /** What an echo endpoint tagged {@code tag} sends back for {@code payload}. */
  static String tagged(String tag, byte[] payload) {
    return tag + new String(payload, StandardCharsets.ISO_8859_1);
  }

  @Test
  void everyEndpointIsBoundToTheSharedPort() throws Exception {
    startShared(100);
    Registration a = runtime.register(new EchoEndpoint("a:", Set.of("ufragA")));
    Registration b = runtime.register(new EchoEndpoint("b:", Set.of("ufragB")));
    assertEquals(List.of(shared), a.localAddresses());
    assertEquals(List.of(shared), b.localAddresses());
    assertEquals(List.of(shared), runtime.sharedAddresses());
  }

  @Test
  void aCheckGoesToTheEndpointWhoseUfragItNamesAndTheRestOfThatPeerFollows() throws Exception {
    startShared(100);
    runtime.register(new EchoEndpoint("a:", Set.of("ufragA")));
    runtime.register(new EchoEndpoint("b:", Set.of("ufragB")));
    UdpClient peerOfB = client();
    UdpClient peerOfA = client();

    byte[] toB = check("ufragB", "peer1");
    peerOfB.send(toB, shared);
    assertEquals(tagged("b:", toB), new String(peerOfB.receive(), StandardCharsets.ISO_8859_1));
    byte[] toA = check("ufragA", "peer2");
    peerOfA.send(toA, shared);
    assertEquals(tagged("a:", toA), new String(peerOfA.receive(), StandardCharsets.ISO_8859_1));

    // Once a peer has checked, everything else it sends (DTLS, SRTP...) goes the same way.
    peerOfB.send("dtls", shared);
    assertEquals("b:dtls", peerOfB.receiveText());
    peerOfA.send("srtp", shared);
    assertEquals("a:srtp", peerOfA.receiveText());
    assertEquals(0, runtime.drops().size());
  }

  @Test
  void aStrangerIsDroppedAndCounted() throws Exception {
    startShared(100);
    EchoEndpoint a = new EchoEndpoint("a:", Set.of("ufragA"));
    runtime.register(a);
    UdpClient stranger = client();
    stranger.send("not stun", shared);
    stranger.send(check("nobody", "x"), shared);
    awaitOnLoop(runtime, () -> runtime.dropped(NioRuntime.Drop.UNROUTABLE) == 2);
    assertEquals(0, await(runtime.submit(() -> a.received)));
  }

  @Test
  void aRemoteTheEndpointSendsToIsRoutedBackToIt() throws Exception {
    startShared(100);
    EchoEndpoint a = new EchoEndpoint("a:", Set.of("ufragA"));
    Registration r = runtime.register(a);
    UdpClient peer = client();
    r.execute(
        () ->
            a.send(
                Datagram.udp("ping".getBytes(StandardCharsets.US_ASCII), shared, peer.address())));
    assertEquals("ping", peer.receiveText());
    peer.send("pong", shared);
    assertEquals("a:pong", peer.receiveText());
  }

  @Test
  void theRouteTableIsBoundedAndForgetsTheLeastRecentlyUsed() throws Exception {
    startShared(2);
    runtime.register(new EchoEndpoint("a:", Set.of("ufragA")));
    UdpClient first = client();
    UdpClient second = client();
    UdpClient third = client();
    for (UdpClient c : List.of(first, second, third)) {
      c.send(check("ufragA", "p"), shared);
      c.receive();
    }
    second.send("still known", shared);
    assertEquals("a:still known", second.receiveText());
    first.send("forgotten", shared);
    awaitOnLoop(runtime, () -> runtime.dropped(NioRuntime.Drop.UNROUTABLE) == 1);
  }

  @Test
  void unregisteringForgetsTheEndpointsRoutesButKeepsTheSharedSocket() throws Exception {
    startShared(100);
    Registration a = runtime.register(new EchoEndpoint("a:", Set.of("ufragA")));
    runtime.register(new EchoEndpoint("b:", Set.of("ufragB")));
    UdpClient peer = client();
    peer.send(check("ufragA", "p"), shared);
    peer.receive();
    a.unregister();
    await(a.closed());
    peer.send("after", shared);
    awaitOnLoop(runtime, () -> runtime.dropped(NioRuntime.Drop.UNROUTABLE) == 1);
    byte[] toB = check("ufragB", "p");
    peer.send(toB, shared);
    assertEquals(tagged("b:", toB), new String(peer.receive(), StandardCharsets.ISO_8859_1));
  }

  @Test
  void aSharedPortThatIsTakenFailsTheStart() throws Exception {
    try (java.nio.channels.DatagramChannel squatter = java.nio.channels.DatagramChannel.open()) {
      squatter.bind(new InetSocketAddress(LOOPBACK, 0));
      int taken = ((InetSocketAddress) squatter.getLocalAddress()).getPort();
      NioConfig config = NioRuntimeTest.loopback().sharedPort(taken).build();
      assertThrows(UncheckedIOException.class, () -> NioRuntime.start(config));
    }
  }

  @Test
  void closingTheRuntimeFreesTheSharedPort() throws Exception {
    startShared(100);
    Registration a = runtime.register(new EchoEndpoint());
    runtime.close();
    await(a.closed());
    assertBindable(shared);
    assertTrue(a.closed().isDone());
  }
}
