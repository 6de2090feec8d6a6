package org.rtc4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtc4j.common.RandomSource;
import org.rtc4j.sdp.MediaDescription;
import org.rtc4j.sdp.SessionDescription;
import org.rtc4j.sdp.Setup;

/** One peer connection against descriptions: browsers' offers, and what must be refused. */
class RTCPeerConnectionTest {
  private static final InetSocketAddress HOST = new InetSocketAddress(Call.ip("10.0.0.9"), 9000);

  private static RTCPeerConnection connection(long seed) {
    RTCPeerConnection pc =
        new RTCPeerConnection(
            RTCConfiguration.builder()
                .random(RandomSource.of(new Random(seed)))
                .wallClock(Peer.WALL_CLOCK)
                .build());
    pc.setHostAddresses(List.of(HOST), 0);
    return pc;
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = RTCPeerConnectionTest.class.getResourceAsStream(name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"chrome-offer.sdp", "firefox-offer.sdp"})
  void aBrowsersOfferIsAnsweredWithItsDataChannelAcceptedAndItsMediaRejected(String name)
      throws Exception {
    RTCPeerConnection pc = connection(1);
    SessionDescription offer = SessionDescription.parse(fixture(name));
    pc.setRemoteDescription(RTCSessionDescription.offer(fixture(name)), 0);
    assertEquals(SignalingState.HAVE_REMOTE_OFFER, pc.signalingState());
    RTCSessionDescription answer = pc.createAnswer();
    pc.setLocalDescription(answer, 0);

    SessionDescription sdp = SessionDescription.parse(pc.localDescription().orElseThrow().sdp());
    assertEquals(offer.mediaDescriptions().size(), sdp.mediaDescriptions().size());
    MediaDescription data = null;
    for (int i = 0; i < sdp.mediaDescriptions().size(); i++) {
      MediaDescription offered = offer.mediaDescriptions().get(i);
      MediaDescription answered = sdp.mediaDescriptions().get(i);
      assertEquals(offered.mid(), answered.mid());
      assertEquals(offered.media(), answered.media());
      if (offered.isDataChannel()) {
        data = answered;
        assertEquals(9, answered.port());
      } else {
        assertTrue(answered.isRejected(), "media is rejected until RTP flows: " + answered);
        assertEquals(offered.proto(), answered.proto());
      }
    }
    assertNotNull(data);
    assertEquals(Setup.ACTIVE, data.setup());
    assertEquals(5000, data.sctpPort());
    assertEquals(262_144, data.maxMessageSize());
    assertEquals(1, data.fingerprints().size());
    assertEquals(List.of(data.mid()), sdp.bundleGroups().get(0).mids());
    assertTrue(data.candidates().size() == 1 && data.isEndOfCandidates(), data.toString());
    assertEquals(SignalingState.STABLE, pc.signalingState());
    assertEquals(IceGatheringState.COMPLETE, pc.iceGatheringState());
    assertEquals(Boolean.TRUE, pc.canTrickleIceCandidates().orElseThrow());
    assertTrue(pc.dtlsTransport().orElseThrow().isClient(), "active: the DTLS client");
  }

  @Test
  void aMalformedRemoteDescriptionIsRefusedAndChangesNothing() throws Exception {
    RTCPeerConnection pc = connection(2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> pc.setRemoteDescription(RTCSessionDescription.offer("v=0\r\nnonsense\r\n"), 0));
    assertTrue(e.getMessage().startsWith("malformed SDP"), e.getMessage());
    assertEquals(SignalingState.STABLE, pc.signalingState());
    assertTrue(pc.remoteDescription().isEmpty());
    assertTrue(pc.iceAgent().isEmpty());

    String chrome = fixture("chrome-offer.sdp");
    String noFingerprint = chrome.replaceAll("a=fingerprint:[^\r\n]*\r?\n", "");
    assertThrows(
        IllegalArgumentException.class,
        () -> pc.setRemoteDescription(RTCSessionDescription.offer(noFingerprint), 0));
    String noUfrag = chrome.replaceAll("a=ice-ufrag:[^\r\n]*\r?\n", "");
    assertThrows(
        IllegalArgumentException.class,
        () -> pc.setRemoteDescription(RTCSessionDescription.offer(noUfrag), 0));
    assertEquals(SignalingState.STABLE, pc.signalingState());

    pc.setRemoteDescription(RTCSessionDescription.offer(chrome), 0); // a good one still works
    assertEquals(SignalingState.HAVE_REMOTE_OFFER, pc.signalingState());
  }

  @Test
  void anAnswerThatDoesNotMatchTheOfferIsRefused() {
    RTCPeerConnection offerer = connection(3);
    RTCPeerConnection answerer = connection(4);
    offerer.createDataChannel("x");
    RTCSessionDescription offer = offerer.createOffer();
    offerer.setLocalDescription(offer, 0);
    answerer.setRemoteDescription(offer, 0);
    String answer = answerer.createAnswer().sdp();

    String actpass = answer.replace("a=setup:active", "a=setup:actpass");
    assertThrows(
        IllegalArgumentException.class,
        () -> offerer.setRemoteDescription(RTCSessionDescription.answer(actpass), 0));
    String otherMid = answer.replace("a=mid:0", "a=mid:7").replace("BUNDLE 0", "BUNDLE 7");
    assertThrows(
        IllegalArgumentException.class,
        () -> offerer.setRemoteDescription(RTCSessionDescription.answer(otherMid), 0));
    assertEquals(SignalingState.HAVE_LOCAL_OFFER, offerer.signalingState());
    assertTrue(offerer.dtlsTransport().isEmpty());

    offerer.setRemoteDescription(RTCSessionDescription.answer(answer), 0);
    assertEquals(SignalingState.STABLE, offerer.signalingState());
    assertTrue(!offerer.dtlsTransport().orElseThrow().isClient());
  }

  @Test
  void descriptionsInTheWrongStateAreRefused() {
    RTCPeerConnection pc = connection(5);
    assertThrows(IllegalStateException.class, pc::createAnswer);
    assertThrows(
        IllegalStateException.class,
        () -> pc.setRemoteDescription(RTCSessionDescription.answer("v=0"), 0));
    assertThrows(
        IllegalStateException.class,
        () ->
            pc.addIceCandidate(
                RTCIceCandidate.of("candidate:1 1 udp 1 1.2.3.4 5 typ host", "0"), 0));
    pc.close();
    assertThrows(IllegalStateException.class, pc::createOffer);
    assertThrows(IllegalStateException.class, () -> pc.createDataChannel("late"));
    pc.close(); // again: nothing
  }

  @Test
  void trickledCandidatesAreCheckedAgainstTheRemoteDescription() throws Exception {
    RTCPeerConnection pc = connection(6);
    pc.setRemoteDescription(RTCSessionDescription.offer(fixture("firefox-offer.sdp")), 0);
    String line = "candidate:1 1 udp 2122252543 10.0.0.7 40000 typ host";

    assertThrows(
        IllegalArgumentException.class,
        () -> pc.addIceCandidate(RTCIceCandidate.of(line, "no-such-mid"), 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> pc.addIceCandidate(RTCIceCandidate.of("candidate:garbage", "0"), 0));
    pc.addIceCandidate(new RTCIceCandidate(line, "0", 0, "not-their-ufrag"), 0);
    assertEquals(1, pc.drops().get(RTCPeerConnection.Drop.STALE_CANDIDATE));
    pc.addIceCandidate(RTCIceCandidate.of(line, "0"), 0);
    pc.addIceCandidate(RTCIceCandidate.of("", "0"), 0); // end-of-candidates
  }

  @Test
  void anOfferWithoutChannelsOrMediaHasNoSections() throws Exception {
    RTCPeerConnection pc = connection(7);
    SessionDescription offer = SessionDescription.parse(pc.createOffer().sdp());
    assertTrue(offer.mediaDescriptions().isEmpty());
    pc.createDataChannel("x");
    SessionDescription withData = SessionDescription.parse(pc.createOffer().sdp());
    MediaDescription data = withData.mediaDescriptions().get(0);
    assertTrue(data.isDataChannel());
    assertEquals(Setup.ACTPASS, data.setup());
    assertEquals(List.of("0"), withData.bundleGroups().get(0).mids());
    assertTrue(
        withData.origin().sessionVersion() > offer.origin().sessionVersion(),
        "each description gets a higher version (RFC 8829 §5.2.2)");
  }
}
