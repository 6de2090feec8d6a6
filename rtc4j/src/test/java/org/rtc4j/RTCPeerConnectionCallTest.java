package org.rtc4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Time;
import org.rtc4j.datachannel.DataChannel;
import org.rtc4j.datachannel.DataChannelState;
import org.rtc4j.testkit.LinkConfig;

/** Two peer connections on the virtual network: whole calls, deterministic on a virtual clock. */
class RTCPeerConnectionCallTest {
  private static final LinkConfig LAN = LinkConfig.builder().delayNanos(Time.millis(5)).build();

  @Test
  void theOffererOpensAChannelAndBothSidesTalk() {
    Call call = new Call(1, LAN);
    DataChannel chat = call.a.pc.createDataChannel("chat");
    assertEquals(-1, chat.id(), "no id before the DTLS role is known");
    call.a.drainEvents();
    assertEquals(1, call.a.events(PeerConnectionEvent.NegotiationNeeded.class).size());

    call.negotiate(call.a);
    assertTrue(call.net.runUntil(call::connected, Time.seconds(5)), call.a + " / " + call.b);
    DataChannel theirs = call.awaitRemote(call.a, chat, Time.seconds(5));
    assertEquals("chat", theirs.label());

    chat.send("hello");
    chat.send(new byte[] {1, 2, 3});
    theirs.send("hi back");
    assertTrue(
        call.net.runUntil(
            () ->
                call.b.texts.size() == 1 && call.b.binaries.size() == 1 && call.a.texts.size() == 1,
            Time.seconds(2)));
    assertEquals(List.of("hello"), call.b.texts);
    assertArrayEquals(new byte[] {1, 2, 3}, call.b.binaries.get(0));
    assertEquals(List.of("hi back"), call.a.texts);

    chat.close();
    assertTrue(
        call.net.runUntil(
            () ->
                chat.readyState() == DataChannelState.CLOSED
                    && theirs.readyState() == DataChannelState.CLOSED,
            Time.seconds(2)));
  }
}
