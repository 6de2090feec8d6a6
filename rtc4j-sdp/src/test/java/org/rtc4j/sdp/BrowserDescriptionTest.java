package org.rtc4j.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real offers and answers from Chrome and Firefox: read, understood, and written back exactly. */
class BrowserDescriptionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "chrome-offer.sdp",
        "chrome-answer.sdp",
        "firefox-offer.sdp",
        "firefox-answer.sdp"
      })
  void aBrowserDescriptionIsWrittenBackByteForByte(String name) throws SdpParseException {
    String text = Fixtures.text(name);
    SessionDescription description = SessionDescription.parse(text);
    assertEquals(text, description.toString());
    assertEquals(text, description.write());
    assertEquals(description, SessionDescription.parse(description.write()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "chrome-offer.sdp",
        "chrome-answer.sdp",
        "firefox-offer.sdp",
        "firefox-answer.sdp"
      })
  void lfLineEndsReadTheSameAsCrlf(String name) throws SdpParseException {
    String crlf = Fixtures.text(name);
    SessionDescription fromLf = SessionDescription.parse(crlf.replace("\r\n", "\n"));
    assertEquals(SessionDescription.parse(crlf), fromLf);
    assertEquals(crlf, fromLf.write());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "chrome-offer.sdp",
        "chrome-answer.sdp",
        "firefox-offer.sdp",
        "firefox-answer.sdp"
      })
  void everyTypedViewOfEveryBrowserAttributeWritesItBack(String name) {
    SessionDescription description = Fixtures.parse(name);
    int typed = 0;
    for (MediaDescription m : description.mediaDescriptions()) {
      for (Attribute a : m.attributes()) {
        TypedAttribute view = TypedViews.of(a);
        if (view != null) {
          assertEquals(a, view.toAttribute(), name);
          typed++;
        }
      }
    }
    assertTrue(typed > 50, name + ": only " + typed + " typed attributes");
  }

  @Test
  void chromesOfferBundlesThreeSectionsAndOffersDataChannels() {
    SessionDescription offer = Fixtures.parse("chrome-offer.sdp");
    assertEquals(
        new Origin("-", "8108909193469481846", 2, "IN", "IP4", "127.0.0.1"), offer.origin());
    assertEquals("-", offer.sessionName());
    assertEquals(List.of(TimeDescription.PERMANENT), offer.times());
    assertEquals(List.of(Group.bundle(List.of("0", "1", "2"))), offer.bundleGroups());
    assertTrue(offer.isExtmapAllowMixed());
    assertEquals(
        new Attribute("msid-semantic", " WMS 6426f4ad-b729-4bed-aab0-e072236e9cbe"),
        offer.attribute("msid-semantic"));

    List<MediaDescription> media = offer.mediaDescriptions();
    assertEquals(3, media.size());
    assertEquals(
        List.of("audio", "video", "application"), media.stream().map(m -> m.media()).toList());
    for (MediaDescription m : media) {
      assertEquals(9, m.port());
      assertEquals(Connection.IP4_ANY, m.connection());
      assertEquals("4+0D", m.iceUfrag());
      assertEquals("VGjCMRbKnkDYFvHZu4ANlgEs", m.icePwd());
      assertTrue(m.iceOptions().has(IceOptions.TRICKLE));
      assertEquals(Setup.ACTPASS, m.setup());
      Fingerprint fingerprint = m.fingerprints().get(0);
      assertEquals("sha-256", fingerprint.hashFunction());
      assertEquals(32, fingerprint.bytes().length);
      assertEquals("f9c241a9", HexFormat.of().formatHex(fingerprint.bytes(), 0, 4));
      assertFalse(m.isRejected());
    }

    MediaDescription audio = offer.media("0");
    assertEquals(MediaDescription.UDP_TLS_RTP_SAVPF, audio.proto());
    assertEquals(List.of(111, 63, 9, 0, 8, 13, 110, 126), audio.payloadTypes());
    assertEquals(Direction.SENDRECV, audio.direction());
    assertTrue(audio.isRtcpMux());
    assertTrue(audio.isRtcpReducedSize());
    assertEquals(new RtpMap(111, "opus", 48000, 2), audio.rtpMap(111));
    assertEquals(RtpMap.of(0, "PCMU", 8000), audio.rtpMap(0));
    assertEquals("10", audio.fmtp(111).parameter("minptime"));
    assertEquals("1", audio.fmtp(111).parameter("useinbandfec"));
    assertEquals(List.of(RtcpFeedback.of(111, "transport-cc")), audio.rtcpFeedbacks(111));
    assertEquals(ExtMap.of(4, "urn:ietf:params:rtp-hdrext:sdes:mid"), audio.extMaps().get(3));
    assertEquals(
        new Msid("6426f4ad-b729-4bed-aab0-e072236e9cbe", "cd0bcc93-d9cd-45ec-b659-6e17665b346a"),
        audio.msids().get(0));
    assertEquals(new Ssrc(484717294L, "cname", "BVgoqZSsb/Nl2C68"), audio.ssrcs().get(0));

    MediaDescription video = offer.media("1");
    assertEquals(23, video.payloadTypes().size());
    assertEquals(
        List.of(
            RtcpFeedback.of(96, "goog-remb"),
            RtcpFeedback.of(96, "transport-cc"),
            new RtcpFeedback(96, "ccm", "fir"),
            RtcpFeedback.of(96, "nack"),
            new RtcpFeedback(96, "nack", "pli")),
        video.rtcpFeedbacks(96));
    assertEquals("96", video.fmtp(97).parameter("apt"));
    assertEquals(
        new SsrcGroup(SsrcGroup.FID, List.of(2592470277L, 347982104L)), video.ssrcGroups().get(0));
    assertEquals(4, video.ssrcs().size());

    MediaDescription data = offer.media("2");
    assertTrue(data.isDataChannel());
    assertFalse(audio.isDataChannel());
    assertEquals(List.of(MediaDescription.WEBRTC_DATACHANNEL), data.formats());
    assertEquals(5000, data.sctpPort());
    assertEquals(262144, data.maxMessageSize());
    assertNull(data.direction());
    assertEquals(List.of(), data.candidates());
  }

  @Test
  void chromesAnswerIsActiveAndReceiveOnly() {
    SessionDescription answer = Fixtures.parse("chrome-answer.sdp");
    for (MediaDescription m : answer.mediaDescriptions()) {
      assertEquals(Setup.ACTIVE, m.setup());
    }
    assertEquals(Direction.RECVONLY, answer.media("0").direction());
    assertEquals(Direction.RECVONLY, answer.media("1").direction());
    assertEquals(List.of(), answer.media("0").ssrcs());
    assertEquals(new Attribute("msid-semantic", " WMS"), answer.attribute("msid-semantic"));
  }

  @Test
  void firefoxPutsTheFingerprintAndIceOptionsAtSessionLevel() {
    SessionDescription offer = Fixtures.parse("firefox-offer.sdp");
    assertEquals("mozilla...THIS_IS_SDPARTA-99.0", offer.origin().username());
    assertEquals("0.0.0.0", offer.origin().address());
    assertEquals(0, offer.origin().sessionVersion());
    assertEquals(1, offer.fingerprints().size());
    assertTrue(offer.iceOptions().has(IceOptions.TRICKLE));
    assertEquals(List.of(), offer.media("0").fingerprints());
    assertEquals(Setup.ACTPASS, offer.media("0").setup());
    assertEquals("8daa5f69", offer.media("2").iceUfrag());

    MediaDescription audio = offer.media("0");
    // Firefox writes the channel count of mono codecs.
    assertEquals(new RtpMap(9, "G722", 8000, 1), audio.rtpMap(9));
    assertEquals("9 G722/8000/1", audio.rtpMap(9).toString());
    assertEquals(new Fmtp(101, "0-15"), audio.fmtp(101));
    assertEquals("", audio.fmtp(101).parameter("0-15"));
    assertEquals(
        new ExtMap(2, Direction.RECVONLY, "urn:ietf:params:rtp-hdrext:csrc-audio-level", null),
        audio.extMaps().get(1));
    assertTrue(audio.isExtmapAllowMixed());
    assertEquals("{07fdab4e-04b3-4e8b-a17c-b436ca3db1ea}", audio.msids().get(0).streamId());

    MediaDescription data = offer.media("2");
    assertTrue(data.isDataChannel());
    assertEquals(Direction.SENDRECV, data.direction());
    assertEquals(1073741823L, data.maxMessageSize());
  }

  @Test
  void firefoxsAnswerMatchesItsOfferBySectionAndIsActive() {
    SessionDescription offer = Fixtures.parse("firefox-offer.sdp");
    SessionDescription answer = Fixtures.parse("firefox-answer.sdp");
    assertEquals(offer.origin().username(), answer.origin().username());
    for (int i = 0; i < 3; i++) {
      MediaDescription o = offer.mediaDescriptions().get(i);
      MediaDescription a = answer.mediaDescriptions().get(i);
      assertEquals(o.mid(), a.mid());
      assertEquals(o.media(), a.media());
      assertEquals(Setup.ACTIVE, a.setup());
    }
    assertEquals(Direction.RECVONLY, answer.media("1").direction());
  }
}
