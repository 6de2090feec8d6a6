package org.rtc4j.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtc4j.nio.NioRuntimeTest.LOOPBACK;
import static org.rtc4j.nio.NioRuntimeTest.freePort;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rtc4j.ice.CandidatePair;
import org.rtc4j.ice.IceConnectionState;

/** Two real ICE agents find each other over loopback UDP, driven by the runtime. */
class IceOverNioTest {
  static final long CONNECT_SECONDS = 10;

  final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  NioRuntime start(NioConfig config) {
    NioRuntime runtime = NioRuntime.start(config);
    toClose.add(runtime);
    return runtime;
  }

  static CandidatePair connected(IcePeer peer) throws Exception {
    return peer.connected.get(CONNECT_SECONDS, TimeUnit.SECONDS);
  }

  static void assertConnected(IcePeer peer) throws Exception {
    IceConnectionState state = peer.runtime.submit(peer.agent::state).get(5, TimeUnit.SECONDS);
    assertTrue(
        state == IceConnectionState.CONNECTED || state == IceConnectionState.COMPLETED,
        state.toString());
  }

  @Test
  void twoAgentsWithTheirOwnSocketsConnect() throws Exception {
    NioRuntime runtime = start(NioRuntimeTest.loopback().build());
    IcePeer controlling = new IcePeer(runtime, true, 1);
    IcePeer controlled = new IcePeer(runtime, false, 2);
    IcePeer.connect(controlling, controlled);

    CandidatePair a = connected(controlling);
    CandidatePair b = connected(controlled);
    assertEquals(a.localBase(), b.remoteAddress());
    assertEquals(b.localBase(), a.remoteAddress());
    assertConnected(controlling);
    assertConnected(controlled);
  }

  @Test
  void agentsOnTwoRuntimesConnect() throws Exception {
    NioRuntime left = start(NioRuntimeTest.loopback().threadName("left").build());
    NioRuntime right = start(NioRuntimeTest.loopback().threadName("right").build());
    IcePeer controlling = new IcePeer(left, true, 3);
    IcePeer controlled = new IcePeer(right, false, 4);
    IcePeer.connect(controlling, controlled);
    assertEquals(connected(controlling).localBase(), connected(controlled).remoteAddress());
  }

  @Test
  void twoAgentsOnASharedPortEachConnectToTheirOwnPeer() throws Exception {
    int port = freePort();
    NioRuntime shared =
        start(NioRuntimeTest.loopback().sharedPort(port).threadName("shared").build());
    NioRuntime plain = start(NioRuntimeTest.loopback().threadName("plain").build());
    IcePeer first = new IcePeer(shared, true, 5);
    IcePeer second = new IcePeer(shared, false, 6);
    IcePeer firstPeer = new IcePeer(plain, false, 7);
    IcePeer secondPeer = new IcePeer(plain, true, 8);
    IcePeer.connect(first, firstPeer);
    IcePeer.connect(second, secondPeer);

    InetSocketAddress sharedAddress = new InetSocketAddress(LOOPBACK, port);
    CandidatePair one = connected(first);
    CandidatePair two = connected(second);
    assertEquals(sharedAddress, one.localBase());
    assertEquals(sharedAddress, two.localBase());
    assertEquals(sharedAddress, connected(firstPeer).remoteAddress());
    assertEquals(sharedAddress, connected(secondPeer).remoteAddress());
    assertEquals(connected(firstPeer).localBase(), one.remoteAddress());
    assertEquals(connected(secondPeer).localBase(), two.remoteAddress());
    assertConnected(first);
    assertConnected(second);
  }
}
