package org.rtc4j.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What we support by default, and what a set of capabilities refuses to hold. */
class MediaCapabilitiesTest {
  private static final List<String> VIDEO_FEEDBACK =
      List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");

  private static List<String> names(List<Codec> codecs) {
    List<String> names = new ArrayList<>();
    for (Codec c : codecs) {
      names.add(c.name() + "/" + c.clockRate() + (c.channels() > 0 ? "/" + c.channels() : ""));
    }
    return names;
  }

  @Test
  void theDefaultsAreWhatABrowserOffersLessRedAndFec() {
    MediaCapabilities caps = MediaCapabilities.defaults();
    assertEquals(List.of("opus/48000/2", "PCMU/8000/1", "PCMA/8000/1"), names(caps.audio()));
    assertEquals(List.of("VP8/90000", "VP9/90000", "H264/90000", "AV1/90000"), names(caps.video()));

    Codec opus = caps.audio().get(0);
    assertEquals(Map.of("minptime", "10", "useinbandfec", "1"), opus.parameters());
    assertEquals(List.of("transport-cc"), opus.feedback());
    assertEquals(Codec.DYNAMIC, opus.preferredPayloadType());
    assertEquals(0, caps.audio().get(1).preferredPayloadType());
    assertEquals(8, caps.audio().get(2).preferredPayloadType());

    for (Codec video : caps.video()) {
      assertEquals(VIDEO_FEEDBACK, video.feedback(), video.name());
      assertEquals(Codec.NO_CHANNELS, video.channels());
    }
    assertEquals(Map.of("profile-id", "0"), caps.video().get(1).parameters());
    assertEquals(
        "102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
        caps.video().get(2).fmtp(102).toString());

    assertTrue(caps.rtx(MediaDescription.VIDEO));
    assertFalse(caps.rtx(MediaDescription.AUDIO));
    assertEquals(
        List.of(
            "urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
            "urn:ietf:params:rtp-hdrext:sdes:mid"),
        caps.extensions(MediaDescription.AUDIO));
    assertEquals(
        List.of(
            "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
            "urn:ietf:params:rtp-hdrext:sdes:mid",
            "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
            "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id"),
        caps.extensions(MediaDescription.VIDEO));
  }

  @Test
  void noneHasNothingForAnyKind() {
    MediaCapabilities none = MediaCapabilities.none();
    for (String kind : List.of(MediaDescription.AUDIO, MediaDescription.VIDEO)) {
      assertTrue(none.codecs(kind).isEmpty());
      assertTrue(none.extensions(kind).isEmpty());
      assertFalse(none.rtx(kind));
    }
  }

  @Test
  void aKindOtherThanAudioOrVideoHasNothing() {
    MediaCapabilities caps = MediaCapabilities.defaults();
    for (String kind : List.of(MediaDescription.APPLICATION, "text", "Audio")) {
      assertTrue(caps.codecs(kind).isEmpty(), kind);
      assertTrue(caps.extensions(kind).isEmpty(), kind);
      assertFalse(caps.rtx(kind), kind);
    }
    assertTrue(caps.codecs(null).isEmpty());
  }

  @Test
  void capabilitiesAreEditedAsCopies() {
    MediaCapabilities caps = MediaCapabilities.defaults();
    MediaCapabilities noRtx = caps.withRtx(MediaDescription.VIDEO, false);
    assertFalse(noRtx.rtx(MediaDescription.VIDEO));
    assertTrue(caps.rtx(MediaDescription.VIDEO));
    assertTrue(caps.withRtx(MediaDescription.AUDIO, true).rtx(MediaDescription.AUDIO));

    MediaCapabilities vp8Only =
        caps.withCodecs(MediaDescription.VIDEO, List.of(Codec.video("VP8", 90000)));
    assertEquals(List.of("VP8/90000"), names(vp8Only.video()));
    assertEquals(caps.audio(), vp8Only.audio());

    MediaCapabilities midOnly =
        caps.withExtensions(MediaDescription.AUDIO, List.of(MediaCapabilities.SDES_MID));
    assertEquals(List.of(MediaCapabilities.SDES_MID), midOnly.audioExtensions());
    assertEquals(caps.videoExtensions(), midOnly.videoExtensions());

    assertThrows(
        IllegalArgumentException.class, () -> caps.withRtx(MediaDescription.APPLICATION, true));
    assertThrows(UnsupportedOperationException.class, () -> caps.audio().clear());
  }

  @Test
  void theFourListConstructorDoesNoRtx() {
    MediaCapabilities caps =
        new MediaCapabilities(
            List.of(Codec.audio("opus", 48000, 2)), List.of(), List.of(), List.of());
    assertFalse(caps.rtx(MediaDescription.AUDIO));
    assertFalse(caps.rtx(MediaDescription.VIDEO));
  }

  @Test
  void impossibleCapabilitiesAreRefused() {
    Codec vp8 = Codec.video("VP8", 90000);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new MediaCapabilities(
                List.of(), List.of(vp8, Codec.video("rtx", 90000)), List.of(), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new MediaCapabilities(
                List.of(
                    Codec.audio("PCMU", 8000, 1).withPreferredPayloadType(0),
                    Codec.audio("G722", 8000, 1).withPreferredPayloadType(0)),
                List.of(),
                List.of(),
                List.of()));
    // RFC 5761 §4: 64-95 would read as RTCP packet types once RTP and RTCP share a port.
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new MediaCapabilities(
                List.of(), List.of(vp8.withPreferredPayloadType(72)), List.of(), List.of()));
    List<String> fifteen = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      fifteen.add("urn:example:ext" + i);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> new MediaCapabilities(List.of(), List.of(vp8), List.of(), fifteen));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MediaCapabilities(List.of(), List.of(vp8), List.of("urn:a", "urn:a"), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MediaCapabilities(List.of(), List.of(vp8), List.of("urn:a b"), List.of()));
    assertThrows(
        NullPointerException.class,
        () -> new MediaCapabilities(null, List.of(), List.of(), List.of()));
  }
}
