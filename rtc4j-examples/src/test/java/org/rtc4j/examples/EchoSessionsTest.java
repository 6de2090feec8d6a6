package org.rtc4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rtc4j.PeerConnectionEvent;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCSessionDescription;
import org.rtc4j.datachannel.DataChannel;
import org.rtc4j.datachannel.DataChannelEvent;
import org.rtc4j.nio.NioConfig;
import org.rtc4j.nio.NioPeerConnection;
import org.rtc4j.nio.NioRuntime;

/** The demo's echo sessions, against an rtc4j client over loopback UDP. */
class EchoSessionsTest {
  private final NioRuntime runtime =
      NioRuntime.start(
          NioConfig.builder()
              .bindAddresses(List.of(java.net.InetAddress.getLoopbackAddress()))
              .build());
  private final EchoSessions echo = EchoSessions.on(runtime);

  @AfterEach
  void close() {
    echo.close();
    runtime.close();
  }

  /** A client that offers one channel and collects what comes back. */
  private final class Client {
    final List<Object> received = new ArrayList<>();
    final CompletableFuture<DataChannel> open = new CompletableFuture<>();
    Consumer<List<Object>> onReceive = r -> {};
    final NioPeerConnection peer =
        NioPeerConnection.register(
            runtime,
            new RTCPeerConnection(),
            e -> {
              if (e instanceof PeerConnectionEvent.Channel c) {
                if (c.event() instanceof DataChannelEvent.Open o) {
                  open.complete(o.channel());
                } else if (c.event() instanceof DataChannelEvent.TextMessage t) {
                  received.add(t.text());
                  onReceive.accept(received);
                } else if (c.event() instanceof DataChannelEvent.BinaryMessage b) {
                  received.add(b.data());
                  onReceive.accept(received);
                }
              }
            });

    String connect() throws Exception {
      String offer =
          peer.call(
                  pc -> {
                    pc.createDataChannel("echo");
                    pc.setLocalDescription(pc.createOffer(), peer.now());
                    return pc.localDescription().orElseThrow().sdp();
                  })
              .get(5, TimeUnit.SECONDS);
      SessionHost.Opened opened = echo.open(offer);
      peer.call(
              pc -> {
                pc.setRemoteDescription(
                    RTCSessionDescription.answer(opened.answerSdp()), peer.now());
                return null;
              })
          .get(5, TimeUnit.SECONDS);
      open.get(10, TimeUnit.SECONDS);
      return opened.id();
    }
  }

  @Test
  void everyMessageComesBackOnItsChannelWithItsTypeInOrder() throws Exception {
    Client client = new Client();
    String id = client.connect();
    CompletableFuture<Void> all = new CompletableFuture<>();
    client.onReceive =
        r -> {
          if (r.size() == 1002) {
            all.complete(null);
          }
        };
    byte[] big = new byte[256 * 1024];
    new java.util.Random(1).nextBytes(big);
    client.peer.call(
        pc -> {
          DataChannel c = pc.dataChannels().get(0);
          c.send("text");
          c.send(big);
          for (int i = 0; i < 1000; i++) {
            c.send("burst " + i);
          }
          return null;
        });
    all.get(20, TimeUnit.SECONDS);
    List<Object> got =
        client.peer.call(pc -> List.copyOf(client.received)).get(5, TimeUnit.SECONDS);
    assertEquals("text", got.get(0));
    assertArrayEquals(big, (byte[]) got.get(1));
    for (int i = 0; i < 1000; i++) {
      assertEquals("burst " + i, got.get(i + 2));
    }
    Map<String, Object> described = echo.describe(id);
    assertEquals("connected", described.get("connectionState"));
    assertEquals(1002L, described.get("messagesEchoed"));
  }

  @Test
  void aMalformedOfferIsRefusedWithItsReason() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> echo.open("v=0\r\nnot sdp\r\n"));
    assertTrue(e.getMessage().contains("SDP"), e.getMessage());
    assertEquals(0, echo.size());
  }

  @Test
  void aClosedSessionIsGone() throws Exception {
    Client client = new Client();
    String id = client.connect();
    assertTrue(echo.close(id));
    assertFalse(echo.close(id));
    assertNull(echo.describe(id));
  }
}
