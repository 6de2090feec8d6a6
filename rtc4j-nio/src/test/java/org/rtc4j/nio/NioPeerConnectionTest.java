package org.rtc4j.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rtc4j.PeerConnectionEvent;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCSessionDescription;
import org.rtc4j.datachannel.DataChannelEvent;

/** Two peer connections over real loopback UDP, driven by one runtime. */
class NioPeerConnectionTest {

  @Test
  void twoPeerConnectionsOpenAChannelAndEchoOverLoopback() throws Exception {
    try (NioRuntime runtime = NioRuntime.start(NioRuntimeTest.loopback().build())) {
      CompletableFuture<String> echoed = new CompletableFuture<>();
      CompletableFuture<byte[]> echoedBinary = new CompletableFuture<>();
      // b echoes every message on the channel it came on.
      NioPeerConnection b =
          NioPeerConnection.register(
              runtime,
              new RTCPeerConnection(),
              e -> {
                if (e instanceof PeerConnectionEvent.Channel c) {
                  if (c.event() instanceof DataChannelEvent.TextMessage t) {
                    t.channel().send(t.text());
                  } else if (c.event() instanceof DataChannelEvent.BinaryMessage m) {
                    m.channel().send(m.data());
                  }
                }
              });
      NioPeerConnection a =
          NioPeerConnection.register(
              runtime,
              new RTCPeerConnection(),
              e -> {
                if (e instanceof PeerConnectionEvent.Channel c) {
                  if (c.event() instanceof DataChannelEvent.Open o) {
                    o.channel().send("ping over loopback");
                    o.channel().send(new byte[] {7, 8, 9});
                  } else if (c.event() instanceof DataChannelEvent.TextMessage t) {
                    echoed.complete(t.text());
                  } else if (c.event() instanceof DataChannelEvent.BinaryMessage m) {
                    echoedBinary.complete(m.data());
                  }
                }
              });

      RTCSessionDescription offer =
          a.call(
                  pc -> {
                    pc.createDataChannel("chat");
                    pc.setLocalDescription(pc.createOffer(), a.now());
                    return pc.localDescription().orElseThrow();
                  })
              .get(5, TimeUnit.SECONDS);
      RTCSessionDescription answer =
          b.call(
                  pc -> {
                    pc.setRemoteDescription(offer, b.now());
                    pc.setLocalDescription(pc.createAnswer(), b.now());
                    return pc.localDescription().orElseThrow();
                  })
              .get(5, TimeUnit.SECONDS);
      a.call(
              pc -> {
                pc.setRemoteDescription(answer, a.now());
                return null;
              })
          .get(5, TimeUnit.SECONDS);

      assertEquals("ping over loopback", echoed.get(10, TimeUnit.SECONDS));
      assertArrayEquals(new byte[] {7, 8, 9}, echoedBinary.get(5, TimeUnit.SECONDS));
      a.close().get(5, TimeUnit.SECONDS);
      a.registration().closed().get(5, TimeUnit.SECONDS);
      b.close().get(5, TimeUnit.SECONDS);
    }
  }
}
