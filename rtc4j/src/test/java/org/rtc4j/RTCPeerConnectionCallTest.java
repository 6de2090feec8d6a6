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

  @Test
  void theAnswererOpensAChannelOnTheOtherParityWithoutRenegotiating() {
    Call call = new Call(2, LAN);
    DataChannel first = call.a.pc.createDataChannel("first");
    call.negotiate(call.a);
    call.awaitRemote(call.a, first, Time.seconds(5));
    int negotiationsNeeded = call.b.events(PeerConnectionEvent.NegotiationNeeded.class).size();

    DataChannel fromB = call.b.pc.createDataChannel("from-b");
    DataChannel atA = call.awaitRemote(call.b, fromB, Time.seconds(2));

    // The offerer said actpass and the answerer took active: b is the DTLS client, so even ids
    // are b's and odd ones a's (RFC 8832 §6).
    assertEquals(1, first.id());
    assertEquals(0, fromB.id());
    assertEquals(
        negotiationsNeeded, call.b.events(PeerConnectionEvent.NegotiationNeeded.class).size());
    atA.send("from a to b's channel");
    assertTrue(
        call.net.runUntil(() -> call.b.texts.contains("from a to b's channel"), Time.seconds(1)));
  }

  @Test
  void trickledCandidatesArriveLateAndOutOfOrder() {
    Call call = new Call(3, LAN);
    DataChannel chat = call.a.pc.createDataChannel("chat");
    call.trickle(call.a, Time.millis(400));

    assertTrue(call.net.runUntil(call::connected, Time.seconds(10)), call.a + " / " + call.b);
    DataChannel theirs = call.awaitRemote(call.a, chat, Time.seconds(5));
    theirs.send("late but fine");
    assertTrue(call.net.runUntil(() -> call.a.texts.contains("late but fine"), Time.seconds(1)));
    assertEquals(Boolean.TRUE, call.a.pc.canTrickleIceCandidates().orElseThrow());
    assertTrue(call.a.pc.iceGatheringState() == IceGatheringState.COMPLETE);
    assertEquals(1, call.a.events(PeerConnectionEvent.EndOfCandidates.class).size());
  }

  @Test
  void aTenthOfThePacketsLostStillDeliversEveryMessageInOrder() {
    Call call = new Call(4, LAN.toBuilder().loss(0.1).build());
    DataChannel chat = call.a.pc.createDataChannel("chat");
    call.negotiate(call.a);
    call.awaitRemote(call.a, chat, Time.seconds(20));
    for (int i = 0; i < 200; i++) {
      chat.send("m" + i);
    }
    assertTrue(call.net.runUntil(() -> call.b.texts.size() == 200, Time.seconds(30)));
    for (int i = 0; i < 200; i++) {
      assertEquals("m" + i, call.b.texts.get(i));
    }
  }

  @Test
  void aRenegotiationKeepsTheTransportAndASecondChannelOpens() {
    Call call = new Call(5, LAN);
    DataChannel one = call.a.pc.createDataChannel("one");
    call.negotiate(call.a);
    call.awaitRemote(call.a, one, Time.seconds(5));
    var dtls = call.a.pc.dtlsTransport().orElseThrow();
    var sctp = call.a.pc.sctpAssociation().orElseThrow();
    String firstOffer = call.a.pc.localDescription().orElseThrow().sdp();

    call.negotiate(call.b); // this time b offers: the roles of the transport stay as they were
    DataChannel two = call.a.pc.createDataChannel("two");
    DataChannel twoAtB = call.awaitRemote(call.a, two, Time.seconds(2));

    assertEquals(SignalingState.STABLE, call.a.pc.signalingState());
    assertTrue(dtls == call.a.pc.dtlsTransport().orElseThrow(), "the same DTLS association");
    assertTrue(sctp == call.a.pc.sctpAssociation().orElseThrow(), "the same SCTP association");
    assertTrue(firstOffer.contains("a=setup:actpass"));
    assertTrue(call.b.pc.localDescription().orElseThrow().sdp().contains("a=setup:actpass"));
    assertTrue(
        call.a.pc.localDescription().orElseThrow().sdp().contains("a=setup:passive"),
        "a stays the DTLS server");
    one.send("on one");
    twoAtB.send("on two");
    assertTrue(
        call.net.runUntil(
            () -> call.b.texts.contains("on one") && call.a.texts.contains("on two"),
            Time.seconds(1)));
  }

  @Test
  void anIceRestartFindsThePathAgainAndTheChannelGoesOn() {
    Call call = new Call(6, LAN);
    DataChannel chat = call.a.pc.createDataChannel("chat");
    call.negotiate(call.a);
    DataChannel theirs = call.awaitRemote(call.a, chat, Time.seconds(5));
    String oldUfragA = call.a.pc.localUfrags().iterator().next();
    int needed = call.a.events(PeerConnectionEvent.NegotiationNeeded.class).size();

    call.a.pc.restartIce();
    call.a.drainEvents();
    assertEquals(needed + 1, call.a.events(PeerConnectionEvent.NegotiationNeeded.class).size());
    String oldUfragB = call.b.pc.localUfrags().iterator().next();
    call.negotiate(call.a);
    String offer = call.a.pc.localDescription().orElseThrow().sdp();
    assertTrue(!offer.contains("a=ice-ufrag:" + oldUfragA), offer);
    assertTrue(
        !call.b.pc.localDescription().orElseThrow().sdp().contains("a=ice-ufrag:" + oldUfragB),
        "the answerer restarts with new credentials too (RFC 8445 §9)");

    call.net.runFor(Time.seconds(2));
    chat.send("after the restart");
    theirs.send("and back");
    assertTrue(
        call.net.runUntil(
            () -> call.b.texts.contains("after the restart") && call.a.texts.contains("and back"),
            Time.seconds(2)));
    call.net.runFor(Time.seconds(40)); // consent freshness with the new keys
    assertEquals(PeerConnectionState.CONNECTED, call.a.pc.connectionState());
    assertEquals(PeerConnectionState.CONNECTED, call.b.pc.connectionState());
  }

  @Test
  void aRolledBackOfferLeavesTheConnectionFreeToAnswer() {
    Call call = new Call(7, LAN);
    call.a.pc.createDataChannel("a's");
    call.a.pc.setLocalDescription(call.a.pc.createOffer(), 0);
    assertEquals(SignalingState.HAVE_LOCAL_OFFER, call.a.pc.signalingState());

    call.a.pc.setLocalDescription(RTCSessionDescription.rollback(), 0);
    assertEquals(SignalingState.STABLE, call.a.pc.signalingState());
    assertTrue(call.a.pc.localDescription().isEmpty());

    DataChannel fromB = call.b.pc.createDataChannel("b's");
    call.negotiate(call.b);
    call.awaitRemote(call.b, fromB, Time.seconds(5));
    assertTrue(!call.a.pc.iceAgent().orElseThrow().isControlling(), "the answerer is controlled");
    // a's own channel needs the data section, which b's offer brought: it opens too.
    DataChannel mine =
        call.a.pc.dataChannels().stream()
            .filter(c -> c.label().equals("a's"))
            .findFirst()
            .orElseThrow();
    call.awaitRemote(call.a, mine, Time.seconds(2));
  }

  @Test
  void glareIsResolvedByPerfectNegotiation() {
    Call call = new Call(8, LAN);
    PerfectNegotiation.attach(call);
    DataChannel fromA = call.a.pc.createDataChannel("from-a");
    DataChannel fromB = call.b.pc.createDataChannel("from-b");

    assertTrue(call.net.runUntil(call::connected, Time.seconds(10)), call.a + " / " + call.b);
    call.awaitRemote(call.a, fromA, Time.seconds(5));
    call.awaitRemote(call.b, fromB, Time.seconds(5));
    assertEquals(SignalingState.STABLE, call.a.pc.signalingState());
    assertEquals(SignalingState.STABLE, call.b.pc.signalingState());
    assertTrue(
        call.b.events(PeerConnectionEvent.SignalingStateChange.class).stream()
            .anyMatch(s -> s.state() == SignalingState.HAVE_REMOTE_OFFER),
        "the polite peer rolled back and took the other's offer");
  }

  @Test
  void closingOneSideClosesTheOthersChannels() {
    Call call = new Call(9, LAN);
    DataChannel chat = call.a.pc.createDataChannel("chat");
    call.negotiate(call.a);
    DataChannel theirs = call.awaitRemote(call.a, chat, Time.seconds(5));

    call.a.pc.close();
    assertEquals(PeerConnectionState.CLOSED, call.a.pc.connectionState());
    assertEquals(DataChannelState.CLOSED, chat.readyState());
    assertTrue(
        call.net.runUntil(() -> theirs.readyState() == DataChannelState.CLOSED, Time.seconds(2)));
  }

  @Test
  void aProvisionalAnswerThenTheFinalOneConnects() {
    Call call = new Call(10, LAN);
    DataChannel chat = call.a.pc.createDataChannel("chat");
    call.a.pc.setLocalDescription(call.a.pc.createOffer(), 0);
    call.b.pc.setRemoteDescription(call.a.pc.localDescription().orElseThrow(), 0);
    String answer = call.b.pc.createAnswer().sdp();

    call.b.pc.setLocalDescription(new RTCSessionDescription(SdpType.PRANSWER, answer), 0);
    call.a.pc.setRemoteDescription(
        new RTCSessionDescription(
            SdpType.PRANSWER, call.b.pc.localDescription().orElseThrow().sdp()),
        0);
    assertEquals(SignalingState.HAVE_LOCAL_PRANSWER, call.b.pc.signalingState());
    assertEquals(SignalingState.HAVE_REMOTE_PRANSWER, call.a.pc.signalingState());
    // Media and data may start on a provisional answer (RFC 8829 §4.1.10.1).
    DataChannel theirs = call.awaitRemote(call.a, chat, Time.seconds(5));

    call.b.pc.setLocalDescription(RTCSessionDescription.answer(answer), call.net.now());
    call.a.pc.setRemoteDescription(
        RTCSessionDescription.answer(call.b.pc.localDescription().orElseThrow().sdp()),
        call.net.now());
    assertEquals(SignalingState.STABLE, call.a.pc.signalingState());
    assertEquals(SignalingState.STABLE, call.b.pc.signalingState());
    theirs.send("final");
    assertTrue(call.net.runUntil(() -> call.a.texts.contains("final"), Time.seconds(1)));
  }
}
