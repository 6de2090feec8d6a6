package org.rtc4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.rtc4j.sdp.Direction;
import org.rtc4j.sdp.MediaCapabilities;
import org.rtc4j.sdp.MediaDescription;
import org.rtc4j.sdp.MediaNegotiation;
import org.rtc4j.sdp.SessionDescription;

/** Media m-sections negotiated by the peer connection: transceivers, directions, codecs. */
class RTCPeerConnectionMediaTest {
  private static RTCPeerConnection connection(long seed, MediaCapabilities caps) {
    RTCPeerConnection pc =
        new RTCPeerConnection(
            RTCConfiguration.builder()
                .random(RandomSource.of(new Random(seed)))
                .wallClock(Peer.WALL_CLOCK)
                .mediaCapabilities(caps)
                .build());
    pc.setHostAddresses(List.of(new InetSocketAddress(Call.ip("10.0.0.9"), 9000)), 0);
    return pc;
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = RTCPeerConnectionMediaTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"chrome-offer.sdp", "firefox-offer.sdp"})
  void aBrowsersMediaIsAcceptedReceiveOnlyWhenWeHaveItsCodecs(String name) throws Exception {
    RTCPeerConnection pc = connection(1, MediaCapabilities.defaults());
    String offer = fixture(name);
    pc.setRemoteDescription(RTCSessionDescription.offer(offer), 0);

    List<PeerConnectionEvent.Track> tracks = new java.util.ArrayList<>();
    for (PeerConnectionEvent e = pc.pollEvent(); e != null; e = pc.pollEvent()) {
      if (e instanceof PeerConnectionEvent.Track t) {
        tracks.add(t);
      }
    }
    assertEquals(2, tracks.size(), "the browser sends audio and video");
    pc.setLocalDescription(pc.createAnswer(), 0);

    SessionDescription answer = SessionDescription.parse(pc.localDescription().orElseThrow().sdp());
    SessionDescription offered = SessionDescription.parse(offer);
    assertEquals(3, answer.mediaDescriptions().size());
    assertEquals(3, answer.bundleGroups().get(0).mids().size(), "everything bundled");
    for (MediaDescription m : answer.mediaDescriptions()) {
      assertFalse(m.isRejected(), m.toString());
      assertTrue(m.iceUfrag() != null && m.setup() != null && !m.fingerprints().isEmpty());
      if (!m.isDataChannel()) {
        assertEquals(Direction.RECVONLY, m.direction(), "a new transceiver only receives");
        assertTrue(offered.media(m.mid()).payloadTypes().containsAll(m.payloadTypes()));
        assertFalse(MediaNegotiation.negotiatedCodecs(m).isEmpty());
      }
    }
    List<RTCRtpTransceiver> transceivers = pc.getTransceivers();
    assertEquals(2, transceivers.size());
    for (RTCRtpTransceiver t : transceivers) {
      assertEquals(Direction.RECVONLY, t.currentDirection().orElseThrow());
    }
  }

  @Test
  void twoPeersNegotiateTheDirectionsTheirTransceiversWant() throws Exception {
    RTCPeerConnection a = connection(2, MediaCapabilities.defaults());
    RTCPeerConnection b = connection(3, MediaCapabilities.defaults());
    RTCRtpTransceiver audio = a.addTransceiver(MediaDescription.AUDIO, Direction.SENDONLY);
    RTCRtpTransceiver video = a.addTransceiver(MediaDescription.VIDEO, Direction.SENDRECV);
    assertTrue(a.pollEvent() instanceof PeerConnectionEvent.NegotiationNeeded);

    a.setLocalDescription(a.createOffer(), 0);
    assertEquals("0", audio.mid().orElseThrow());
    assertEquals("1", video.mid().orElseThrow());
    b.setRemoteDescription(a.localDescription().orElseThrow(), 0);
    b.setLocalDescription(b.createAnswer(), 0);
    a.setRemoteDescription(b.localDescription().orElseThrow(), 0);

    // b's transceivers were made by the offer, recvonly: audio recvonly, video recvonly.
    assertEquals(Direction.SENDONLY, audio.currentDirection().orElseThrow());
    assertEquals(Direction.SENDONLY, video.currentDirection().orElseThrow());
    assertEquals(2, b.getTransceivers().size());
    assertEquals(List.of(audio.sender(), video.sender()), a.getSenders());
    assertEquals(MediaDescription.VIDEO, b.getReceivers().get(1).kind());
    assertEquals(Direction.RECVONLY, b.getTransceivers().get(1).currentDirection().orElseThrow());
  }

  @Test
  void withoutCodecsMediaIsRejectedAndItsTransceiverStops() throws Exception {
    RTCPeerConnection a = connection(4, MediaCapabilities.defaults());
    RTCPeerConnection b = connection(5, MediaCapabilities.none());
    RTCRtpTransceiver video = a.addTransceiver(MediaDescription.VIDEO, Direction.SENDRECV);
    a.createDataChannel("also data");
    a.setLocalDescription(a.createOffer(), 0);
    b.setRemoteDescription(a.localDescription().orElseThrow(), 0);
    b.setLocalDescription(b.createAnswer(), 0);
    a.setRemoteDescription(b.localDescription().orElseThrow(), 0);

    SessionDescription answer = SessionDescription.parse(b.localDescription().orElseThrow().sdp());
    String videoMid = video.mid().orElseThrow();
    assertTrue(answer.media(videoMid).isRejected());
    assertEquals(0, answer.media(videoMid).port());
    assertTrue(
        answer.mediaDescriptions().stream().anyMatch(m -> m.isDataChannel() && !m.isRejected()));
    assertTrue(video.stopped());
    assertEquals(Direction.INACTIVE, video.currentDirection().orElseThrow());
    assertTrue(a.getSenders().isEmpty(), "a stopped transceiver has no sender to list");
    assertEquals(1, a.getTransceivers().size());
    assertThrows(
        IllegalArgumentException.class,
        () -> b.addTransceiver(MediaDescription.AUDIO, Direction.SENDRECV),
        "no codecs: no transceiver");
  }
}
